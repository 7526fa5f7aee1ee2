package com.bp010.demo;

/**
 * One fault the generator planted: where it is and what the ingest or the pipeline should make of it.
 *
 * @param expected the reject reason code for unreadable rows, or the rule that should notice (e.g. "RC-005")
 */
public record PlantedFault(Fault fault, String wellId, String timestamp, String varId, String value,
                           String expected) {
}
