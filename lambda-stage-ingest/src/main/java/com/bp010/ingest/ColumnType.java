package com.bp010.ingest;

/** The types of the stage columns that file readers fill. */
enum ColumnType { TEXT, DOUBLE, DATE }
