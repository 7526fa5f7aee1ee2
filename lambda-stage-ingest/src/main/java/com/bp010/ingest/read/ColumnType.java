package com.bp010.ingest.read;

/** The types of the stage columns that file readers fill. */
public enum ColumnType { TEXT, DOUBLE, DATE }
