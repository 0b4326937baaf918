package dev.kiln.samples;

import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import dev.kiln.runtime.train.FitOptions;
import dev.kiln.runtime.train.Fitting;
import dev.kiln.samples.fixtures.WithDropoutModel;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
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
    long tornAt = args.length > 2 ? Long.parseLong(args[2]) : -1;
    FloatTargetTrainer trainer = slow(model.trainer(Adam.lr(0.01f), 9), Path.of(args[0]), tornAt);
    Fitting.fit(trainer, Dataset.ofTargets(x, 4, y, 2), FitOptions.epochs(4).batchSize(BATCH).shuffleSeed(11).progress(false)
        .schedule(LearningRateSchedule.cosine(4, 0)).checkpointDirectory(Path.of(args[0])).checkpointEverySteps(20));
    model.save(Path.of(args[1]));
  }

  /**
   * The trainer, a millisecond slower per step; and when {@code tornAt} >= 0, the checkpoint of that many
   * steps is begun as a write that stops halfway: half a checkpoint in a temporary file beside the others,
   * then {@code writing} appears and the JVM waits there to be killed.
   */
  private static FloatTargetTrainer slow(FloatTargetTrainer trainer, Path checkpoints, long tornAt) {
    return (FloatTargetTrainer) Proxy.newProxyInstance(FloatTargetTrainer.class.getClassLoader(),
        new Class<?>[] {FloatTargetTrainer.class}, (proxy, method, args) -> {
          if (method.isDefault()) return InvocationHandler.invokeDefault(proxy, method, args);
          if (method.getName().equals("step")) Thread.sleep(1);
          if (method.getName().equals("saveCheckpoint") && args.length == 2
              && ((Path) args[0]).getFileName().toString().equals(String.format("checkpoint-%012d.safetensors", tornAt))) {
            Path whole = Files.createTempFile("whole", ".safetensors");
            trainer.saveCheckpoint(whole, (Map<String, String>) args[1]);
            byte[] bytes = Files.readAllBytes(whole);
            Files.write(checkpoints.resolve(((Path) args[0]).getFileName() + "4711.tmp"),
                Arrays.copyOf(bytes, bytes.length / 2));
            Files.createFile(checkpoints.resolve("writing"));
            Thread.sleep(60_000);
          }
          try {
            return method.invoke(trainer, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
