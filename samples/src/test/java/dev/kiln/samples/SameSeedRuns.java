package dev.kiln.samples;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.train.FitOptions;
import dev.kiln.runtime.train.Fitting;
import dev.kiln.samples.fixtures.SeededCnnModel;
import dev.kiln.samples.fixtures.SeededMlpModel;
import dev.kiln.samples.fixtures.SeededResidualModel;
import dev.kiln.samples.fixtures.SeededTransformerModel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * The child JVM of {@link SameSeedSameBitsTest}: trains {@code args[0]} from one seed, first cold (in
 * the interpreter), then {@code args[1]} times more to warm the JIT up, then once again, and prints the
 * digest of the parameters and buffers after the first run and after the last to {@code args[2]}:
 * {@code cold <digest>}, {@code warm <digest>} (a file: the JIT's log may share standard output).
 */
public final class SameSeedRuns {
  private static final int ROWS = 96;

  private SameSeedRuns() {}

  public static void main(String[] args) throws Exception {
    LongFunction<KilnModel> create = switch (args[0]) {
      case "mlp" -> SeededMlpModel::create;
      case "cnn" -> SeededCnnModel::create;
      case "residual" -> SeededResidualModel::create;
      case "transformer" -> SeededTransformerModel::create;
      default -> throw new IllegalArgumentException("unknown network " + args[0]
          + "; expected mlp, cnn, residual or transformer");
    };
    int warmUp = Integer.parseInt(args[1]);
    String cold = run(create);
    for (int run = 0; run < warmUp; run++) run(create);
    String warm = run(create);
    Files.writeString(Path.of(args[2]), "cold " + cold + "\nwarm " + warm + "\n");
  }

  private static String run(LongFunction<KilnModel> create) throws Exception {
    KilnModel model = create.apply(7);
    Dataset data = model.readsTokens() ? tokens(model.inputSize(), model.outputSize())
        : data(model.inputSize(), model.outputSize());
    Fitting.fit(model.trainer(Adam.lr(0.01f)), data,
        FitOptions.epochs(2).batchSize(32).shuffleSeed(5).progress(false));
    return digest(model);
  }

  private static Dataset data(int features, int classes) {
    Random random = new Random(3);
    float[] x = new float[ROWS * features];
    int[] labels = new int[ROWS];
    for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
    for (int r = 0; r < ROWS; r++) labels[r] = random.nextInt(classes);
    return Dataset.ofClasses(x, features, labels);
  }

  /** Rows of ids in [1, 40), each padded (0) after a length of its own, and a class each. */
  private static Dataset tokens(int length, int classes) {
    Random random = new Random(3);
    int[] ids = new int[ROWS * length];
    int[] labels = new int[ROWS];
    for (int r = 0; r < ROWS; r++) {
      int kept = 1 + random.nextInt(length);
      for (int t = 0; t < kept; t++) ids[r * length + t] = 1 + random.nextInt(39);
      labels[r] = random.nextInt(classes);
    }
    return Dataset.ofTokens(ids, length, labels);
  }

  private static String digest(KilnModel model) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (float[] values : new float[][] {model.parameters(), model.buffers()}) {
      ByteBuffer bytes = ByteBuffer.allocate(4 * values.length);
      for (float v : values) bytes.putInt(Float.floatToRawIntBits(v));
      sha.update(bytes.array());
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
