package com.bp010.ingest;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A workbook ({@code .xlsx}) whose first sheet holds one table: a header row, then data rows. Checked against zip
 * bombs first; rows and columns are bounded while streaming.
 */
final class ReservesXlsxReader implements InputReader {
    private static final int MAX_ROWS = 1_000_000;
    private static final int MAX_COLUMNS = 500;

    private final TableShape shape;
    private final ZipBombGuard guard;

    public ReservesXlsxReader(TableShape shape, ZipBombGuard guard) {
        this.shape = shape;
        this.guard = guard;
    }

    @Override
    public boolean holdsReadings() {
        return false;
    }

    @Override
    public Summary read(Content content, Sinks sinks) throws IOException {
        // a zip is read from its end: the workbook goes to a file, never more of it than the guard accepts
        return Summary.of(read(content.name(), content.file(bytes -> guard.checkSize(content.name(), bytes)),
                sinks.of(shape)));
    }

    public TableReadSummary read(String file, Path path, TableRowSink sink) throws IOException {
        guard.check(file, path);
        try (ReadableWorkbook wb = new ReadableWorkbook(path.toFile());
             Stream<Row> rows = firstSheet(file, wb).openStream()) {
            Iterator<Row> it = rows.iterator();
            TableRowParser parser = null;
            long count = 0;
            while (it.hasNext()) {
                Row row = it.next();
                if (row.getCellCount() > MAX_COLUMNS) {
                    throw InputErrors.badInput(file, row.getRowNum(), null, null, "a row has more than "
                            + MAX_COLUMNS + " columns");
                }
                List<Object> cells = cells(row);
                if (cells.stream().allMatch(c -> c == null || c.toString().isBlank())) {
                    continue;
                }
                if (parser == null) {
                    List<String> header = CsvHeader.of(cells.stream().map(c -> c == null ? "" : c.toString())
                            .toList()).names();
                    parser = new TableRowParser(shape, file, header, false);
                    continue;
                }
                if (++count > MAX_ROWS) {
                    throw InputErrors.badInput(file, row.getRowNum(), null, null, "the sheet has more than "
                            + MAX_ROWS + " rows");
                }
                parser.parse(row.getRowNum(), cells, null, sink);
            }
            if (parser == null) {
                throw InputErrors.badInput(file, 1, null, null, "the first sheet is empty: a header row naming the "
                        + "columns of " + shape.table() + " is expected");
            }
            return new TableReadSummary(count, parser.ignoredColumns());
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw InputErrors.badInput(file, 0, null, null, "the workbook cannot be read: " + e.getMessage());
        }
    }

    private static Sheet firstSheet(String file, ReadableWorkbook wb) {
        Sheet sheet = wb.getFirstSheet();
        if (sheet == null) {
            throw InputErrors.badInput(file, 0, null, null, "the workbook has no sheet");
        }
        return sheet;
    }

    private static List<Object> cells(Row row) {
        List<Object> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell c = row.getCell(i);
            if (c == null) {
                cells.add(null);
                continue;
            }
            cells.add(switch (c.getType()) {
                case NUMBER -> c.asNumber();
                case EMPTY -> null;
                default -> c.getValue() == null ? c.getRawValue() : c.getValue().toString();
            });
        }
        return cells;
    }
}
