package dev.kiln.spark;

import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.train.FitCheckpoints;
import dev.kiln.runtime.train.FitHooks;
import dev.kiln.runtime.train.FitProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;

/**
 * The driver's checkpoints in a directory of any Hadoop file system: the files {@code fit} writes, made in a
 * local staging directory by the runtime's {@link FitCheckpoints}, then copied up under a temporary name and
 * renamed, the last two kept. Resuming copies the directory's checkpoints down and lets
 * {@link FitCheckpoints#resume} choose the newest readable one.
 */
final class SparkCheckpoints implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SparkCheckpoints.class.getName());

  private final String uri;
  private final org.apache.hadoop.fs.Path directory;
  private final FileSystem fs;
  private final Path staging;

  private SparkCheckpoints(String uri, org.apache.hadoop.fs.Path directory, FileSystem fs, Path staging) {
    this.uri = uri;
    this.directory = directory;
    this.fs = fs;
    this.staging = staging;
  }

  static SparkCheckpoints open(String uri, Configuration hadoop) {
    try {
      org.apache.hadoop.fs.Path directory = new org.apache.hadoop.fs.Path(uri);
      FileSystem fs = directory.getFileSystem(hadoop);
      // The local file system's checksummed view would leave a .crc file beside every checkpoint.
      if (fs instanceof LocalFileSystem local) fs = local.getRawFileSystem();
      fs.mkdirs(directory);
      return new SparkCheckpoints(uri, fs.makeQualified(directory), fs, Files.createTempDirectory("kiln-checkpoints"));
    } catch (IOException e) {
      throw new UncheckedIOException("KilnSpark.fit cannot use the checkpoint directory " + uri
          + "; expected a directory the driver can create and write", e);
    }
  }

  /** The directory, as a qualified URI. */
  String where() {
    return directory.toString();
  }

  /** The name of the file that keeps early stopping's best weights beside the checkpoints. */
  private static final String BEST_WEIGHTS = "best-weights.safetensors";

  /**
   * A local copy of the best weights early stopping kept in the directory, for a resumed run to restore; null
   * where there are none.
   */
  Path bestWeights() {
    Path local = staging.resolve(BEST_WEIGHTS);
    try {
      org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(directory, BEST_WEIGHTS);
      if (!fs.exists(remote)) return null;
      fs.copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(local.toUri()), true);
      return local;
    } catch (IOException e) {
      throw new UncheckedIOException("KilnSpark.fit cannot read the best weights in " + uri, e);
    }
  }

  /** Writes early stopping's best weights beside the checkpoints when they changed, as the checkpoints are written. */
  void saveBestWeights(FitHooks hooks) {
    Path local = staging.resolve(BEST_WEIGHTS);
    if (!hooks.saveBestWeights(local)) return;
    org.apache.hadoop.fs.Path temporary = new org.apache.hadoop.fs.Path(directory, "checkpoint-best.tmp");
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(directory, BEST_WEIGHTS);
    try {
      fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), temporary);
      fs.delete(target, false);
      if (!fs.rename(temporary, target)) throw new IOException("renaming " + temporary + " to " + target + " failed");
    } catch (IOException e) {
      throw new UncheckedIOException("KilnSpark.fit could not write the best weights to " + target, e);
    }
  }

  /** Restores {@code trainer} from the newest readable checkpoint, if there is one (see {@link FitCheckpoints#resume}). */
  Optional<FitProgress> resume(KilnTrainer trainer, Map<String, String> run) {
    Path down = staging.resolve("resume");
    try {
      Files.createDirectories(down);
      for (org.apache.hadoop.fs.Path file : checkpoints()) {
        try {
          fs.copyToLocalFile(false, file, new org.apache.hadoop.fs.Path(down.resolve(file.getName()).toUri()), true);
        } catch (IOException e) {
          LOG.warning("skipping the checkpoint " + file + ", which cannot be read: " + e);
        }
      }
      return FitCheckpoints.resume(trainer, down, run, directory.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("KilnSpark.fit cannot read the checkpoints in " + uri, e);
    } finally {
      deleteAll(down);
    }
  }

  /** Writes the checkpoint of {@code progress}: staged locally, copied up as a temporary file, renamed; keeps the last two. */
  void save(KilnTrainer trainer, FitProgress progress, Map<String, String> run) {
    Path local = FitCheckpoints.save(trainer, staging, progress, run);
    String name = local.getFileName().toString();
    org.apache.hadoop.fs.Path temporary = new org.apache.hadoop.fs.Path(directory, name + ".tmp");
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(directory, name);
    try {
      fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), temporary);
      fs.delete(target, false);
      if (!fs.rename(temporary, target)) {
        throw new IOException("renaming " + temporary + " to " + target + " failed");
      }
      List<org.apache.hadoop.fs.Path> newestFirst = checkpoints();
      for (org.apache.hadoop.fs.Path old : newestFirst.subList(Math.min(FitCheckpoints.kept(), newestFirst.size()),
          newestFirst.size())) {
        fs.delete(old, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("KilnSpark.fit could not write its checkpoint " + target, e);
    }
  }

  /** The directory's checkpoints, newest first; temporary files of torn writes are deleted on the way. */
  private List<org.apache.hadoop.fs.Path> checkpoints() throws IOException {
    List<org.apache.hadoop.fs.Path> found = new ArrayList<>();
    for (FileStatus status : fs.listStatus(directory)) {
      String name = status.getPath().getName();
      if (FitCheckpoints.isCheckpointName(name)) found.add(status.getPath());
      else if (name.startsWith("checkpoint-") && name.endsWith(".tmp")) fs.delete(status.getPath(), false);
    }
    found.sort(Comparator.comparing(org.apache.hadoop.fs.Path::getName).reversed());
    return found;
  }

  @Override
  public void close() {
    deleteAll(staging);
  }

  private static void deleteAll(Path root) {
    if (!Files.exists(root)) return;
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      LOG.fine("could not delete " + root + ": " + e);
    }
  }
}
