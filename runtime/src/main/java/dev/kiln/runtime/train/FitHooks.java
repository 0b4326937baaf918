package dev.kiln.runtime.train;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.io.AtomicFiles;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import dev.kiln.runtime.schedule.Plateau;
import dev.kiln.runtime.schedule.PlateauSchedule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a training loop does around its steps and epochs besides training: early stopping and the best
 * weights it keeps, a plateau schedule's rate, the metrics file, and the user's listeners. {@code fit} and
 * {@code KilnSpark.fit} share it. Its state goes into each checkpoint's metadata ({@link #state()}), and a
 * resumed run takes it back ({@link #resume}), so that a run killed and resumed stops, lowers its rate and
 * writes its metrics as one never killed. Not thread-safe: one per run.
 */
public final class FitHooks {
  private static final String EARLY = FitProgress.HOOKS + "early_stopping.";
  private static final JsonFactory JSON = new JsonFactory();

  private final KilnModel model;
  private final EarlyStopping earlyStopping;
  private final LearningRateSchedule schedule;
  private final Consumer<EpochResult> onEpochEnd;
  private final StepListener onStepEnd;
  private final Path metricsFile;
  private Plateau plateau;
  private double best;
  private int bestEpoch;
  private int wait;
  private int stoppedEpoch;
  private float[] bestParameters;
  private float[] bestBuffers;
  private long[] bestLongBuffers;
  private boolean bestChanged;

  /**
   * Hooks for one run of {@code model}; any of {@code earlyStopping}, {@code onEpochEnd}, {@code onStepEnd}
   * and {@code metricsFile} may be null.
   */
  public FitHooks(KilnModel model, EarlyStopping earlyStopping, LearningRateSchedule schedule,
      Consumer<EpochResult> onEpochEnd, StepListener onStepEnd, Path metricsFile) {
    this.model = model;
    this.earlyStopping = earlyStopping;
    this.schedule = schedule;
    this.onEpochEnd = onEpochEnd;
    this.onStepEnd = onStepEnd;
    this.metricsFile = metricsFile;
    this.best = earlyStopping == null || !earlyStopping.metric().higherIsBetter() ? Double.POSITIVE_INFINITY
        : Double.NEGATIVE_INFINITY;
  }

  /**
   * Refuses, before anything is trained, a metric measured on validation data that the run does not have:
   * an {@link IllegalArgumentException} naming it and the fix.
   */
  public static void checkMetrics(EarlyStopping earlyStopping, LearningRateSchedule schedule, boolean validation,
      boolean validationLabels) {
    if (earlyStopping != null) check("earlyStopping", earlyStopping.metric(), validation, validationLabels);
    if (schedule instanceof PlateauSchedule plateau) check("onPlateau", plateau.metric(), validation, validationLabels);
  }

  private static void check(String what, Metric metric, boolean validation, boolean validationLabels) {
    if (metric.needsValidation() && !validation) {
      throw new IllegalArgumentException(what + " watches " + metric + ", which needs validation data; expected"
          + " validation(dataset) in the options, or Metric.TRAINING_LOSS");
    }
    if (metric == Metric.VALIDATION_ACCURACY && !validationLabels) {
      throw new IllegalArgumentException(what + " watches VALIDATION_ACCURACY, but the validation data has float"
          + " targets, not classes; expected VALIDATION_LOSS");
    }
  }

  /**
   * Takes back the state a checkpoint recorded ({@code progress}; for a fresh run its start, with none) and
   * writes the metrics file anew with the epochs it holds; the best weights, when they are restored at the
   * end, from {@code bestWeights} (may be null) if it exists.
   */
  public void resume(FitProgress progress, Path bestWeights) {
    Map<String, String> state = progress.state();
    if (earlyStopping != null && state.containsKey(EARLY + "best")) {
      best = Double.parseDouble(state.get(EARLY + "best"));
      bestEpoch = Integer.parseInt(state.get(EARLY + "best_epoch"));
      wait = Integer.parseInt(state.get(EARLY + "wait"));
      stoppedEpoch = Integer.parseInt(state.get(EARLY + "stopped_epoch"));
      if (earlyStopping.restoresBestWeights() && bestWeights != null && Files.exists(bestWeights)) {
        bestParameters = new float[model.parameters().length];
        bestBuffers = new float[model.buffers().length];
        bestLongBuffers = new long[model.longBuffers().length];
        try {
          model.stateDict().load(bestWeights, bestParameters, bestBuffers, bestLongBuffers);
        } catch (IOException e) {
          throw new UncheckedIOException("fit cannot read the best weights it kept in " + bestWeights, e);
        }
      }
    }
    if (schedule instanceof PlateauSchedule p) plateau = Plateau.fromMetadata(p, state, progress.baseLr());
    if (metricsFile != null) rewriteMetrics(progress.history());
  }

  /** Whether early stopping has already ended this run (a resumed run that had stopped). */
  public boolean stopped() {
    return stoppedEpoch > 0;
  }

  /** The rate of {@code epoch} (from 1): the schedule's, or the plateau schedule's current one. */
  public double learningRate(double baseLr, int epoch) {
    if (schedule instanceof PlateauSchedule p) {
      if (plateau == null) plateau = p.start(baseLr);
      return plateau.learningRate();
    }
    return schedule.learningRate(baseLr, epoch - 1);
  }

  /** After a step (and its checkpoint, if one was due): the step listener. */
  public void stepEnded(long step, float loss) {
    if (onStepEnd != null) onStepEnd.onStepEnd(step, loss);
  }

  /**
   * At an epoch's end, before its checkpoint: early stopping's rule, the plateau schedule's step, the metrics
   * file's line. Returns whether training stops after this epoch.
   */
  public boolean epochEnded(EpochResult result) {
    if (schedule instanceof PlateauSchedule p) {
      if (plateau == null) plateau = p.start(result.learningRate());
      plateau.step(p.metric().of(result));
    }
    if (metricsFile != null) appendMetrics(result);
    if (earlyStopping == null) return false;
    // Keras's EarlyStopping.on_epoch_end: count the epoch, then reset on an improvement.
    double current = earlyStopping.metric().of(result);
    wait++;
    if (earlyStopping.improves(current, best)) {
      best = current;
      bestEpoch = result.epoch();
      wait = 0;
      if (earlyStopping.restoresBestWeights()) keepBest();
      return false;
    }
    if (wait >= earlyStopping.patience() && result.epoch() > 1) {
      stoppedEpoch = result.epoch();
      return true;
    }
    return false;
  }

  private void keepBest() {
    bestParameters = model.parameters().clone();
    bestBuffers = model.buffers().clone();
    bestLongBuffers = model.longBuffers().clone();
    bestChanged = true;
  }

  /** After an epoch's checkpoint: the epoch listener. */
  public void afterEpoch(EpochResult result) {
    if (onEpochEnd != null) onEpochEnd.accept(result);
  }

  /** The state to record in a checkpoint's metadata. */
  public Map<String, String> state() {
    Map<String, String> state = new LinkedHashMap<>();
    if (earlyStopping != null) {
      state.put(EARLY + "best", Double.toString(best));
      state.put(EARLY + "best_epoch", Integer.toString(bestEpoch));
      state.put(EARLY + "wait", Integer.toString(wait));
      state.put(EARLY + "stopped_epoch", Integer.toString(stoppedEpoch));
    }
    if (plateau != null) state.putAll(plateau.toMetadata());
    return state;
  }

  /**
   * Writes the best weights kept so far to {@code file} (atomically) if they changed since the last write:
   * what a resumed run restores at its end. Returns whether it wrote.
   */
  public boolean saveBestWeights(Path file) {
    if (!bestChanged || bestParameters == null) return false;
    try {
      if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
      model.stateDict().save(file, bestParameters, bestBuffers, bestLongBuffers, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("fit could not write the best weights to " + file, e);
    }
    bestChanged = false;
    return true;
  }

  /** The end of the run: the best weights put back when asked for, and the history. */
  public TrainingHistory finish(List<EpochResult> epochs) {
    if (earlyStopping != null && earlyStopping.restoresBestWeights() && bestParameters != null) {
      System.arraycopy(bestParameters, 0, model.parameters(), 0, bestParameters.length);
      System.arraycopy(bestBuffers, 0, model.buffers(), 0, bestBuffers.length);
      System.arraycopy(bestLongBuffers, 0, model.longBuffers(), 0, bestLongBuffers.length);
    }
    return new TrainingHistory(epochs, stoppedEpoch, bestEpoch);
  }

  private void appendMetrics(EpochResult result) {
    createParent(metricsFile);
    try (Writer out = Files.newBufferedWriter(metricsFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND)) {
      out.write(jsonLine(result));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("fit could not append to its metrics file " + metricsFile, e);
    }
  }

  /** The metrics file as the epochs a resumed run begins with would have written it: written anew, atomically. */
  private void rewriteMetrics(List<EpochResult> history) {
    StringBuilder text = new StringBuilder();
    for (EpochResult e : history) text.append(jsonLine(e));
    createParent(metricsFile);
    try {
      AtomicFiles.replace(metricsFile, ".tmp", f -> Files.writeString(f, text, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("fit could not rewrite its metrics file " + metricsFile, e);
    }
  }

  private static void createParent(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      if (parent != null) Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("fit cannot create the folder of its metrics file " + file, e);
    }
  }

  /**
   * One epoch as a JSON line: epoch, loss, accuracy, validation_loss, validation_accuracy, learning_rate,
   * seconds; a value not measured is null.
   */
  static String jsonLine(EpochResult e) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeNumberField("epoch", e.epoch());
      number(json, "loss", e.loss());
      number(json, "accuracy", e.accuracy());
      number(json, "validation_loss", e.validationLoss());
      number(json, "validation_accuracy", e.validationAccuracy());
      number(json, "learning_rate", e.learningRate());
      number(json, "seconds", e.seconds());
      json.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return text + "\n";
  }

  private static void number(JsonGenerator json, String name, double value) throws IOException {
    if (Double.isFinite(value)) json.writeNumberField(name, value);
    else json.writeNullField(name);
  }
}
