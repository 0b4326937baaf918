package dev.kiln.runtime.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a {@code fit} stands, as its checkpoints record it: the epoch under way (from 1) and the steps
 * of it done, the steps done in all, the loss summed and the seconds spent so far in that epoch, the
 * learning rate its schedule starts from, and the epochs finished.
 */
public record FitProgress(int epoch, int step, long steps, double lossSum, double seconds, double baseLr,
    List<EpochResult> history, Map<String, String> state) {
  private static final String PREFIX = "kiln.fit.";
  /** Where the state of early stopping, plateau schedules and the like goes in a checkpoint's metadata. */
  public static final String HOOKS = "kiln.fit.hooks.";

  public FitProgress {
    history = List.copyOf(history);
    state = Map.copyOf(state);
  }

  /** Progress without the state of early stopping, plateau schedules and the like ({@link FitHooks}). */
  public FitProgress(int epoch, int step, long steps, double lossSum, double seconds, double baseLr,
      List<EpochResult> history) {
    this(epoch, step, steps, lossSum, seconds, baseLr, history, Map.of());
  }

  public static FitProgress start(double baseLr) {
    return new FitProgress(1, 0, 0, 0, 0, baseLr, List.of());
  }

  Map<String, String> toMetadata() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(PREFIX + "epoch", Integer.toString(epoch));
    metadata.put(PREFIX + "step", Integer.toString(step));
    metadata.put(PREFIX + "steps", Long.toString(steps));
    metadata.put(PREFIX + "loss_sum", Double.toString(lossSum));
    metadata.put(PREFIX + "seconds", Double.toString(seconds));
    metadata.put(PREFIX + "base_lr", Double.toString(baseLr));
    List<String> epochs = new ArrayList<>();
    for (EpochResult e : history) {
      epochs.add(e.epoch() + "," + e.loss() + "," + e.learningRate() + "," + e.accuracy() + ","
          + e.validationAccuracy() + "," + e.seconds() + "," + e.samplesPerSecond() + "," + e.validationLoss());
    }
    metadata.put(PREFIX + "history", String.join(";", epochs));
    metadata.putAll(state);
    return metadata;
  }

  /** The progress a checkpoint's metadata records; an {@link IOException} naming the file if it records none. */
  static FitProgress fromMetadata(Path file, Map<String, String> metadata) throws IOException {
    try {
      List<EpochResult> history = new ArrayList<>();
      String epochs = required(metadata, "history");
      for (String e : epochs.isEmpty() ? new String[0] : epochs.split(";")) {
        String[] v = e.split(",");
        // Seven values before validation losses were kept, eight since.
        if (v.length != 7 && v.length != 8) throw new NumberFormatException("an epoch of " + v.length + " values");
        history.add(new EpochResult(Integer.parseInt(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
            Double.parseDouble(v[3]), Double.parseDouble(v[4]), Double.parseDouble(v[5]), Double.parseDouble(v[6]),
            v.length == 8 ? Double.parseDouble(v[7]) : Double.NaN));
      }
      return new FitProgress(Integer.parseInt(required(metadata, "epoch")), Integer.parseInt(required(metadata, "step")),
          Long.parseLong(required(metadata, "steps")), Double.parseDouble(required(metadata, "loss_sum")),
          Double.parseDouble(required(metadata, "seconds")), Double.parseDouble(required(metadata, "base_lr")), history,
          hooksState(metadata));
    } catch (NumberFormatException e) {
      throw new IOException(file + " records no fit progress that can be read (" + e.getMessage()
          + "); expected a checkpoint that fit wrote", e);
    }
  }

  /** The entries of {@code metadata} that {@link FitHooks} wrote. */
  private static Map<String, String> hooksState(Map<String, String> metadata) {
    Map<String, String> state = new LinkedHashMap<>();
    metadata.forEach((k, v) -> {
      if (k.startsWith(HOOKS)) state.put(k, v);
    });
    return state;
  }

  private static String required(Map<String, String> metadata, String key) {
    String value = metadata.get(PREFIX + key);
    if (value == null) throw new NumberFormatException(PREFIX + key + " is missing");
    return value;
  }
}
