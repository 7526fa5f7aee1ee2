package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.Database;
import com.bp010.db.ErrorCode;
import com.bp010.db.S3Location;
import com.bp010.db.S3Objects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Runs one ingest request: the sources of docs/CONTRACTS.md §4.3, then the landing retention. */
public final class IngestService {
    private final Database db;
    private final IngestSettings settings;
    private final Supplier<TelemetrySource> api;
    private final Supplier<S3Objects> s3;
    private final Clock clock;

    public IngestService(Database db, IngestSettings settings, Supplier<TelemetrySource> api,
                         Supplier<S3Objects> s3, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.api = api;
        this.s3 = s3;
        this.clock = clock;
    }

    public IngestResponse run(IngestRequest request) {
        long t0 = System.nanoTime();
        requireCatalogue();
        FileIngester files = new FileIngester(db, settings);
        List<FileResult> results;
        String source;
        if (request instanceof IngestRequest.ApiPoll poll) {
            source = "api";
            if (poll.from() != null && poll.to() != null && !poll.from().isBefore(poll.to())) {
                throw new Bp010Exception(ErrorCode.BAD_EVENT, "Stage ingest event: from must be before to");
            }
            results = new ApiIngester(db, settings, api.get()).poll(poll.from(), poll.to(), clock.instant());
        } else if (request instanceof IngestRequest.S3Objects objects) {
            source = "s3";
            results = new ArrayList<>();
            for (IngestInput in : s3Inputs(objects, results)) {
                results.add(files.ingest(in));
            }
        } else if (request instanceof IngestRequest.LocalPath local) {
            source = "file";
            results = new ArrayList<>();
            for (IngestInput in : localInputs(Path.of(local.path()))) {
                results.add(files.ingest(in));
            }
        } else {
            source = "rejects";
            results = List.of(new RejectReplayer(db, files).replay(((IngestRequest.ReplayRejects) request).batchId()));
        }
        long purged = Retention.purge(db, settings.retentionDays());
        return IngestResponse.of(source, results, purged, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Readings are checked against the SCADA map as they are read: with an empty catalogue every one would be
     * rejected, so the ingest refuses before reading anything and names the step to run. An unmigrated database
     * fails here too, with the advice to run init (see {@link com.bp010.db.DatabaseErrors}).
     */
    private void requireCatalogue() {
        boolean mapped = db.withConnection("catalogue check", c -> {
            try (var st = c.createStatement();
                 var rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM referencial.tbl_var_scada_map)")) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
        if (!mapped) {
            throw new Bp010Exception(ErrorCode.REFUSED, "The SCADA catalogue (referencial.tbl_var_scada_map) is"
                    + " empty, so every reading would be rejected: run referencial first (bp010 invoke referencial, or"
                    + " the bp010-load-referencial function), then this ingest again").with("next", "referencial");
        }
    }

    private List<IngestInput> s3Inputs(IngestRequest.S3Objects objects, List<FileResult> skipped) {
        List<IngestInput> inputs = new ArrayList<>();
        for (IngestRequest.S3Key k : objects.objects()) {
            String location = "s3://" + k.bucket() + "/" + k.key();
            if (settings.ingestBucket().isPresent() && !settings.ingestBucket().get().equals(k.bucket())) {
                skipped.add(FileResult.skipped(name(k.key()), location, "not in INGEST_BUCKET "
                        + settings.ingestBucket().get()));
                continue;
            }
            if (!k.key().startsWith(settings.ingestPrefix())) {
                skipped.add(FileResult.skipped(name(k.key()), location, "not under INGEST_PREFIX "
                        + settings.ingestPrefix()));
                continue;
            }
            List<String> keys = k.key().endsWith("/") ? s3.get().list(new S3Location(k.bucket(), k.key()))
                    : List.of(k.key());
            for (String key : keys) {
                inputs.add(new IngestInput(name(key), "s3://" + k.bucket() + "/" + key, "s3",
                        () -> s3.get().open(k.bucket(), key), null));
            }
        }
        inputs.sort(Comparator.comparingInt((IngestInput i) -> loadOrder(i.name())).thenComparing(IngestInput::name));
        return inputs;
    }

    private static List<IngestInput> localInputs(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(IngestInput.localFile(path));
        }
        if (!Files.isDirectory(path)) {
            throw new Bp010Exception(ErrorCode.BAD_EVENT, "Stage ingest event: no file or folder at " + path)
                    .with("path", path.toString());
        }
        try (Stream<Path> list = Files.list(path)) {
            return list.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparingInt((Path p) -> loadOrder(p.getFileName().toString()))
                            .thenComparing(p -> p.getFileName().toString()))
                    .map(IngestInput::localFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Well master first (readings of a new well need it), then reserves, dumps, telemetry. */
    static int loadOrder(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("maestra")) {
            return 0;
        }
        if (n.contains("reservas")) {
            return 1;
        }
        return n.endsWith(".sql") ? 2 : 3;
    }

    private static String name(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
