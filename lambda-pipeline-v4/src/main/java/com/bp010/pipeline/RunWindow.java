package com.bp010.pipeline;

import java.time.LocalDate;

/** Calendar days (in BP010_TIMEZONE), both inclusive. */
record RunWindow(LocalDate from, LocalDate to) {
}
