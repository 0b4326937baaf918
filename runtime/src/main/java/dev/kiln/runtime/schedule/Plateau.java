package dev.kiln.runtime.schedule;

import java.util.Map;

/**
 * One run of a {@link PlateauSchedule}: PyTorch's {@code ReduceLROnPlateau.step(metric)} state (the best
 * value, the bad epochs, the cooldown left, the rate), which a checkpoint records so that a resumed run goes
 * on as the first would have.
 */
public final class Plateau {
  private static final String PREFIX = "kiln.fit.hooks.plateau.";

  private final PlateauSchedule schedule;
  private double lr;
  private double best;
  private int badEpochs;
  private int cooldownLeft;

  Plateau(PlateauSchedule schedule, double lr, double best, int badEpochs, int cooldownLeft) {
    this.schedule = schedule;
    this.lr = lr;
    this.best = best;
    this.badEpochs = badEpochs;
    this.cooldownLeft = cooldownLeft;
  }

  /** The rate the next epoch uses. */
  public double learningRate() {
    return lr;
  }

  /** PyTorch's {@code step(metrics)}: takes an epoch's value of the metric, and lowers the rate when due. */
  public void step(double current) {
    if (schedule.isBetter(current, best)) {
      best = current;
      badEpochs = 0;
    } else {
      badEpochs++;
    }
    if (cooldownLeft > 0) {
      cooldownLeft--;
      badEpochs = 0; // bad epochs in cooldown are not counted
    }
    if (badEpochs > schedule.patience()) {
      double reduced = Math.max(lr * schedule.factor(), schedule.minLr());
      if (lr - reduced > PlateauSchedule.EPS) lr = reduced;
      cooldownLeft = schedule.cooldown();
      badEpochs = 0;
    }
  }

  /** This state, as checkpoint metadata. */
  public Map<String, String> toMetadata() {
    return Map.of(PREFIX + "lr", Double.toString(lr), PREFIX + "best", Double.toString(best),
        PREFIX + "bad_epochs", Integer.toString(badEpochs), PREFIX + "cooldown_left", Integer.toString(cooldownLeft));
  }

  /** The state {@code metadata} records, for {@code schedule}; a fresh one from {@code lr} when it records none. */
  public static Plateau fromMetadata(PlateauSchedule schedule, Map<String, String> metadata, double lr) {
    if (!metadata.containsKey(PREFIX + "lr")) return schedule.start(lr);
    return new Plateau(schedule, Double.parseDouble(metadata.get(PREFIX + "lr")),
        Double.parseDouble(metadata.get(PREFIX + "best")), Integer.parseInt(metadata.get(PREFIX + "bad_epochs")),
        Integer.parseInt(metadata.get(PREFIX + "cooldown_left")));
  }
}
