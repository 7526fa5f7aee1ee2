package com.bp010.referencial;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CSV file as field tools write it (OpenCSV, RFC 4180 quoting): any of UTF-8 with or without a mark, UTF-16
 * or Latin-1 (see {@link TextDecoder}); {@code ,}, {@code ;} or tab as delimiter, detected from the header line;
 * blank lines skipped. A record with fewer fields than the header (a truncated line) or with extra non-blank fields
 * (an unquoted delimiter) is refused with its line. A file without a header is refused; {@link #readCatalogue} also
 * refuses one with a header and no rows.
 */
final class CsvTableReader {
    private CsvTableReader() {
    }

    public static CsvTable read(String file, byte[] bytes) {
        DecodedText decoded = TextDecoder.decode(bytes);
        String text = decoded.text();
        char delimiter = detectDelimiter(text);
        CSVReader reader = new CSVReaderBuilder(new StringReader(text))
                .withCSVParser(new RFC4180ParserBuilder().withSeparator(delimiter).build())
                .build();
        CsvTable table = null;
        List<CsvRow> rows = new ArrayList<>();
        long consumed = 0;
        try (reader) {
            String[] record;
            while ((record = next(reader, file, consumed)) != null) {
                long line = firstLineOf(text, consumed);
                consumed = reader.getLinesRead();
                if (isBlank(record)) {
                    continue;
                }
                if (table == null) {
                    table = new CsvTable(file, delimiter, decoded.encoding(), header(record));
                    continue;
                }
                rows.add(new CsvRow(table, line, checkedWidth(file, line, table, record)));
            }
        } catch (IOException e) {
            throw BadInput.at(file, consumed + 1, null, null, "unreadable CSV: " + e.getMessage());
        }
        if (table == null) {
            throw BadInput.inFile(file, "empty file: no header line");
        }
        table.rows(rows);
        return table;
    }

    /**
     * A catalogue file: {@link #read}, and refused when it holds a header and no rows (a truncated upload, an export of
     * an empty sheet), which the merge would take as "remove every row of this table".
     */
    public static CsvTable readCatalogue(String file, byte[] bytes) {
        CsvTable table = read(file, bytes);
        if (table.rows().isEmpty()) {
            throw BadInput.at(file, 1, null, null, "a header and no rows (a truncated upload?): a load from it would"
                    + " remove every row the file loads; nothing was loaded, the catalogue stays as it was: put the"
                    + " file's rows back (the repository's config/ holds the whole file)");
        }
        return table;
    }

    private static String[] next(CSVReader reader, String file, long consumed) throws IOException {
        try {
            return reader.readNext();
        } catch (CsvValidationException e) {
            throw BadInput.at(file, consumed + 1, null, null, "unreadable CSV record: " + e.getMessage());
        } catch (RuntimeException e) {
            throw BadInput.at(file, consumed + 1, null, null, "unreadable CSV record (unclosed quote?)");
        }
    }

    /** The line where the next record starts: blank lines before it are counted by the reader, not by us. */
    private static long firstLineOf(String text, long consumedLines) {
        return consumedLines + 1;
    }

    private static List<String> checkedWidth(String file, long line, CsvTable table, String[] record) {
        int width = table.header().size();
        if (record.length < width) {
            throw BadInput.at(file, line, table.header().get(record.length), String.join(String.valueOf(table.delimiter()), record),
                    "truncated line: expected " + width + " fields, found " + record.length);
        }
        for (int i = width; i < record.length; i++) {
            if (!record[i].isBlank()) {
                throw BadInput.at(file, line, "#" + (i + 1), record[i],
                        "more fields than the header has columns (" + width + "): an unquoted delimiter?");
            }
        }
        return Arrays.asList(record).subList(0, width);
    }

    private static List<String> header(String[] record) {
        List<String> names = new ArrayList<>();
        for (String h : record) {
            names.add(h.strip());
        }
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        return names;
    }

    private static boolean isBlank(String[] record) {
        return Arrays.stream(record).allMatch(String::isBlank);
    }

    /** The delimiter that splits the first non-blank line (outside quotes) into the most fields: ';', ',' or tab. */
    static char detectDelimiter(String text) {
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : first.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ';') {
                    semicolons++;
                } else if (c == ',') {
                    commas++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
