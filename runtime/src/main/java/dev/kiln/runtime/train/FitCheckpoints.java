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
 * Public for the training loops outside this package ({@code KilnSpark.fit}), which write the same files.
 */
public final class FitCheckpoints {
  private static final Logger LOG = Logger.getLogger(FitCheckpoints.class.getName());
  private static final Pattern NAME = Pattern.compile("checkpoint-(\\d+)\\.safetensors");
  private static final int KEEP = 2;

  private FitCheckpoints() {}

  /**
   * What a run's steps depend on besides the trainer: the batch size, the shuffles' seed and the number
   * of rows. A checkpoint of a run with others would resume at a step of another sequence of batches.
   */
  public static Map<String, String> run(int batchSize, long shuffleSeed, long rows) {
    Map<String, String> run = new LinkedHashMap<>();
    run.put("kiln.fit.batch_size", Integer.toString(batchSize));
    run.put("kiln.fit.shuffle_seed", Long.toString(shuffleSeed));
    run.put("kiln.fit.rows", Long.toString(rows));
    return run;
  }

  /**
   * Restores {@code trainer} from the newest readable checkpoint in {@code directory}, if there is one,
   * once its {@code run} is this one's; otherwise an {@link IllegalArgumentException} naming both.
   */
  public static Optional<FitProgress> resume(KilnTrainer trainer, Path directory, Map<String, String> run) {
    return resume(trainer, directory, run, directory.toString());
  }

  /**
   * {@link #resume(KilnTrainer, Path, Map)} from local copies, in {@code directory}, of the checkpoints of
   * {@code where} (a URI), which the messages name.
   */
  public static Optional<FitProgress> resume(KilnTrainer trainer, Path directory, Map<String, String> run,
      String where) {
    List<Path> newestFirst = checkpoints(directory);
    List<String> names = new ArrayList<>();
    for (Path file : newestFirst) {
      String name = where + "/" + file.getFileName();
      names.add(name);
      try {
        Map<String, String> recorded = StateDict.metadata(file);
        for (Map.Entry<String, String> e : run.entrySet()) {
          if (!e.getValue().equals(recorded.get(e.getKey()))) {
            String what = e.getKey().substring(e.getKey().lastIndexOf('.') + 1).replace('_', ' ');
            throw new IllegalArgumentException(name + " is a checkpoint of a run with " + what + " "
                + recorded.get(e.getKey()) + "; this run has " + e.getValue()
                + " (use another checkpointDirectory for another run)");
          }
        }
        Map<String, String> metadata;
        try {
          metadata = trainer.loadCheckpoint(file);
        } catch (IllegalArgumentException e) {
          // The trainer names the file it read: here a local copy, perhaps, of the one the caller knows.
          String message = String.valueOf(e.getMessage());
          throw message.startsWith(file.toString())
              ? new IllegalArgumentException(name + message.substring(file.toString().length()), e) : e;
        }
        FitProgress progress = FitProgress.fromMetadata(file, metadata);
        LOG.info("resuming from " + name + ": epoch " + progress.epoch() + ", step " + progress.step());
        return Optional.of(progress);
      } catch (IOException e) {
        String why = String.valueOf(e.getMessage());
        if (why.startsWith(file.toString())) why = why.substring(file.toString().length()).replaceFirst("^: ", "");
        LOG.warning("skipping the unreadable checkpoint " + name + ": " + why);
      }
    }
    if (!newestFirst.isEmpty()) {
      throw new UncheckedIOException(new IOException(where + " holds checkpoints " + names
          + ", none of them readable; expected at least one whole checkpoint, or an empty directory to start afresh"));
    }
    return Optional.empty();
  }

  /**
   * Writes the checkpoint of {@code progress}, then deletes all but the newest {@value #KEEP}. Returns the
   * file written.
   */
  public static Path save(KilnTrainer trainer, Path directory, FitProgress progress, Map<String, String> run) {
    try {
      Files.createDirectories(directory);
      deleteTornWrites(directory);
      Map<String, String> metadata = new LinkedHashMap<>(run);
      metadata.putAll(progress.toMetadata());
      Path file = directory.resolve(fileName(progress.steps()));
      trainer.saveCheckpoint(file, metadata);
      List<Path> newestFirst = checkpoints(directory);
      for (Path old : newestFirst.subList(Math.min(KEEP, newestFirst.size()), newestFirst.size())) {
        Files.deleteIfExists(old);
      }
      return file;
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

  /** The name of the checkpoint written after {@code steps} steps. */
  public static String fileName(long steps) {
    return String.format("checkpoint-%012d.safetensors", steps);
  }

  /** Whether {@code name} is a checkpoint's file name, and not a temporary one. */
  public static boolean isCheckpointName(String name) {
    return NAME.matcher(name).matches();
  }

  /** How many checkpoints a directory keeps. */
  public static int kept() {
    return KEEP;
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
