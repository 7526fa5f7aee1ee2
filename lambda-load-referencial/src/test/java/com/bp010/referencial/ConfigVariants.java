package com.bp010.referencial;

import com.bp010.testsupport.RepoPaths;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import com.opencsv.RFC4180ParserBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Copies of the repository's config folder, re-saved the ways field tools save them, or with one file damaged. */
final class ConfigVariants {
    private ConfigVariants() {
    }

    static Path copy(Path into) {
        try (Stream<Path> files = Files.list(RepoPaths.config())) {
            Files.createDirectories(into);
            for (Path f : files.toList()) {
                Files.copy(f, into.resolve(f.getFileName()));
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every CSV re-written with ';' and decimal commas in numeric expressions (as a Spanish-locale Excel saves it). */
    static Path semicolonsAndDecimalCommas(Path into) {
        Path dir = copy(into);
        forEachCsv(dir, text -> {
            StringWriter out = new StringWriter();
            ICSVWriter w = new CSVWriterBuilder(out).withSeparator(';').withLineEnd("\r\n").build();
            for (String[] row : rows(text)) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i].matches("[<>=0-9.%-]*[0-9][<>=0-9.%-]*")) {
                        row[i] = row[i].replace('.', ',');
                    }
                }
                w.writeNext(row, false);
            }
            return out.toString();
        }, false, false);
        return dir;
    }

    /** Every text file re-encoded in Latin-1, behind a UTF-8 byte-order mark. */
    static Path latin1WithBom(Path into) {
        Path dir = copy(into);
        forEachFile(dir, p -> !p.toString().endsWith(".sql"), text -> text, true, true);
        return dir;
    }

    /** Replaces the first occurrence of {@code from} by {@code to} in one file. */
    static Path damaged(Path into, String file, String from, String to) {
        Path dir = copy(into);
        replaceIn(dir, file, from, to);
        return dir;
    }

    /** Replaces the first occurrence of {@code from} by {@code to} in one file of an existing copy. */
    static void replaceIn(Path dir, String file, String from, String to) {
        try {
            Path f = dir.resolve(file);
            String text = Files.readString(f);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(from),
                    java.util.regex.Matcher.quoteReplacement(to)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> rows(String text) {
        try (var r = new CSVReaderBuilder(new StringReader(text))
                .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            return r.readAll();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void forEachCsv(Path dir, UnaryOperator<String> change, boolean latin1, boolean bom) {
        forEachFile(dir, p -> p.toString().endsWith(".csv"), change, latin1, bom);
    }

    private static void forEachFile(Path dir, java.util.function.Predicate<Path> which, UnaryOperator<String> change,
                                    boolean latin1, boolean bom) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(which).toList()) {
                String text = change.apply(Files.readString(f, StandardCharsets.UTF_8));
                byte[] body = text.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                byte[] out = body;
                if (bom) {
                    out = new byte[body.length + 3];
                    out[0] = (byte) 0xEF;
                    out[1] = (byte) 0xBB;
                    out[2] = (byte) 0xBF;
                    System.arraycopy(body, 0, out, 3, body.length);
                }
                Files.write(f, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
