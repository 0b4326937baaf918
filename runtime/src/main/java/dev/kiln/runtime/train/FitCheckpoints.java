package dev.kiln.runtime.train;

import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.io.StateDict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoints of one {@code fit} in its directory: {@code checkpoint-<steps>.safetensors}, the last
 * two kept. Resuming takes the newest that loads; a torn or corrupt one (an {@link IOException}) makes
 * way for the one before. A checkpoint of another model or optimizer is the caller's mistake, and fails.
 */
final class FitCheckpoints {
  private static final Logger LOG = Logger.getLogger(FitCheckpoints.class.getName());
  private static final Pattern NAME = Pattern.compile("checkpoint-(\\d+)\\.safetensors");
  private static final int KEEP = 2;

  private FitCheckpoints() {}

  /**
   * What a run's steps depend on besides the trainer: the batch size, the shuffles' seed and the number
   * of rows. A checkpoint of a run with others would resume at a step of another sequence of batches.
   */
  static Map<String, String> run(int batchSize, long shuffleSeed, int rows) {
    Map<String, String> run = new LinkedHashMap<>();
    run.put("kiln.fit.batch_size", Integer.toString(batchSize));
    run.put("kiln.fit.shuffle_seed", Long.toString(shuffleSeed));
    run.put("kiln.fit.rows", Integer.toString(rows));
    return run;
  }

  /**
   * Restores {@code trainer} from the newest readable checkpoint in {@code directory}, if there is one,
   * once its {@code run} is this one's; otherwise an {@link IllegalArgumentException} naming both.
   */
  static Optional<FitProgress> resume(KilnTrainer trainer, Path directory, Map<String, String> run) {
    List<Path> newestFirst = checkpoints(directory);
    for (Path file : newestFirst) {
      try {
        Map<String, String> recorded = StateDict.metadata(file);
        for (Map.Entry<String, String> e : run.entrySet()) {
          if (!e.getValue().equals(recorded.get(e.getKey()))) {
            throw new IllegalArgumentException(file + " is a checkpoint of a fit with " + e.getKey().substring(9) + " "
                + recorded.get(e.getKey()) + "; this fit has " + e.getValue()
                + " (use another checkpointDirectory for another run)");
          }
        }
        Map<String, String> metadata = trainer.loadCheckpoint(file);
        FitProgress progress = FitProgress.fromMetadata(file, metadata);
        LOG.info("fit resumes from " + file + ": epoch " + progress.epoch() + ", step " + progress.step());
        return Optional.of(progress);
      } catch (IOException e) {
        LOG.warning("fit skips an unreadable checkpoint: " + e.getMessage());
      }
    }
    if (!newestFirst.isEmpty()) {
      throw new UncheckedIOException(new IOException(directory + " holds checkpoints " + newestFirst
          + ", none of them readable; expected at least one whole checkpoint, or an empty directory to start afresh"));
    }
    return Optional.empty();
  }

  /** Writes the checkpoint of {@code progress}, then deletes all but the newest {@value #KEEP}. */
  static void save(KilnTrainer trainer, Path directory, FitProgress progress, Map<String, String> run) {
    try {
      Files.createDirectories(directory);
      deleteTornWrites(directory);
      Map<String, String> metadata = new LinkedHashMap<>(run);
      metadata.putAll(progress.toMetadata());
      trainer.saveCheckpoint(directory.resolve(String.format("checkpoint-%012d.safetensors", progress.steps())),
          metadata);
      List<Path> newestFirst = checkpoints(directory);
      for (Path old : newestFirst.subList(Math.min(KEEP, newestFirst.size()), newestFirst.size())) {
        Files.deleteIfExists(old);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("fit could not write its checkpoint in " + directory, e);
    }
  }

  /** The temporary files of writes a killed run left unfinished, which never took a checkpoint's name. */
  private static void deleteTornWrites(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.startsWith("checkpoint-") && name.endsWith(".tmp")) Files.deleteIfExists(f);
      }
    }
  }

  private static List<Path> checkpoints(Path directory) {
    if (!Files.isDirectory(directory)) return List.of();
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> found = new ArrayList<>();
      files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).forEach(found::add);
      found.sort(Comparator.comparingLong(FitCheckpoints::steps).reversed());
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("fit could not list " + directory, e);
    }
  }

  private static long steps(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }
}
