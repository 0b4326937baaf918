package dev.kiln.samples;

import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import dev.kiln.runtime.train.FitOptions;
import dev.kiln.samples.fixtures.WithDropoutModel;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Random;

/**
 * The child JVM of {@link KilledAndResumedTest}: trains a network with dropout through {@code fit}, Adam,
 * a cosine schedule and shuffling, with checkpoints in {@code args[0]} every 20 steps, then saves the
 * model to {@code args[1]}. Each step waits a millisecond, so that the parent can kill it mid-epoch.
 */
public final class ResumableTraining {
  static final int ROWS = 2000;
  static final int BATCH = 10;

  private ResumableTraining() {}

  public static void main(String[] args) throws Exception {
    Random random = new Random(3);
    float[] x = new float[ROWS * 4];
    float[] y = new float[ROWS * 2];
    for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
    for (int i = 0; i < y.length; i++) y[i] = (float) random.nextGaussian();
    WithDropoutModel model = WithDropoutModel.create(5);
    FloatTargetTrainer trainer = slow(model.trainer(Adam.lr(0.01f), 9));
    trainer.fit(Dataset.ofTargets(x, 4, y, 2), FitOptions.epochs(4).batchSize(BATCH).shuffleSeed(11).progress(false)
        .schedule(LearningRateSchedule.cosine(4, 0)).checkpointDirectory(Path.of(args[0])).checkpointEverySteps(20));
    model.save(Path.of(args[1]));
  }

  private static FloatTargetTrainer slow(FloatTargetTrainer trainer) {
    return (FloatTargetTrainer) Proxy.newProxyInstance(FloatTargetTrainer.class.getClassLoader(),
        new Class<?>[] {FloatTargetTrainer.class}, (proxy, method, args) -> {
          if (method.isDefault()) return InvocationHandler.invokeDefault(proxy, method, args);
          if (method.getName().equals("step")) Thread.sleep(1);
          try {
            return method.invoke(trainer, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
