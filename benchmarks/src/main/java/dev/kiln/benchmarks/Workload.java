package dev.kiln.benchmarks;

import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.graph.EmbeddingOp;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.samples.fashion.MlpModel;
import dev.kiln.samples.lenet.LeNet5Model;
import dev.kiln.samples.lenet.TutorialCnnModel;
import dev.kiln.samples.resnet.MiniResNetModel;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * One workload of the comparison with PyTorch: the same network, batch, loss, optimizer and random data
 * shapes as {@code torch_bench.py} or {@code torch_cnn_bench.py}, under the same name.
 */
public record Workload(String name, LongFunction<KilnModel> create, long macsPerSample, int batch, boolean adam) {

  public static final List<Workload> ALL = List.of(
      new Workload("blobs-2-10-2-b200-sgd", BlobsModel::create, mlp(2, 10, 2), 200, false),
      new Workload("linear-4-3-b7-sgd", Linear43Model::create, mlp(4, 3), 7, false),
      new Workload("binary-20-16-1-b64-bcelogits", BinaryModel::create, mlp(20, 16, 1), 64, false),
      new Workload("mnist-784-128-10-b64-sgd", MlpModel::create, mlp(784, 128, 10), 64, false),
      new Workload("mnist-784-128-10-b64-adam", MlpModel::create, mlp(784, 128, 10), 64, true),
      new Workload("mlp-784-512-512-10-b256-adam", WideMlpModel::create, mlp(784, 512, 512, 10), 256, true),
      // torch_cnn_bench.py's: the multiply-adds of each convolution (output values x in x kernel²) and Linear.
      new Workload("lenet5-1x28x28-b64-sgd", LeNet5Model::create,
          28 * 28 * 6 * 25 + 10 * 10 * 16 * 6 * 25 + mlp(400, 120, 84, 10), 64, false),
      new Workload("tutorialcnn-1x28x28-b64-sgd", TutorialCnnModel::create,
          14 * 14 * 16 * 9 + 7 * 7 * 16 * 16 * 9 + 4 * 4 * 10 * 16 * 9, 64, false),
      new Workload("smallvgg-3x32x32-b64-adam", SmallVggModel::create,
          32 * 32 * 32 * 3 * 9 + 32 * 32 * 32 * 32 * 9 + 16 * 16 * 64 * 32 * 9 + 16 * 16 * 64 * 64 * 9
              + mlp(64 * 8 * 8, 256, 10), 64, true),
      new Workload("miniresnet-1x28x28-b64-sgd", MiniResNetModel::create,
          28 * 28 * 16 * 9 + 4 * 14 * 14 * 16 * 16 * 9 + mlp(16, 10), 64, false),
      // torch_seq_bench.py's: projections and feed-forward per position, scores and mix per head, the head.
      new Workload("encoder-2x64-l32-b64-adam", EncoderSmallModel::create,
          2 * encoderLayer(32, 64, 256) + 64 * 5, 64, true),
      new Workload("encoder-4x128-l64-b32-adam", EncoderLargeModel::create,
          4 * encoderLayer(64, 128, 512) + 128 * 5, 32, true),
      new Workload("gpt-4x128-l64-b32-adam", GptModel::create,
          4 * encoderLayer(64, 128, 512) + 64 * 128 * 96, 32, true));

  /** The multiply-adds of one sequence through an encoder layer, as torch_seq_bench.py counts them. */
  static long encoderLayer(long length, long dim, long feedforward) {
    return length * (4 * dim * dim + 2 * dim * feedforward) + 2 * length * length * dim;
  }

  /** The multiply-adds of one sample through Linear layers of these sizes. */
  static long mlp(int... sizes) {
    long macs = 0;
    for (int i = 0; i < sizes.length - 1; i++) macs += (long) sizes[i] * sizes[i + 1];
    return macs;
  }

  /** torch_bench's optimizers: SGD with momentum 0.9 at 0.01, or Adam at 1e-3. */
  Optimizer optimizer() {
    return adam ? Adam.lr(1e-3f) : Sgd.lr(0.01f).momentum(0.9f);
  }

  /** Floating-point operations of one training step, counted as torch_bench counts them: 6 per multiply-add. */
  double flopsPerStep() {
    return 6.0 * batch * macsPerSample;
  }

  /** A trainer and a fixed random batch, ready to step. */
  Prepared prepare() {
    KilnModel model = create.apply(0);
    KilnTrainer trainer = model.trainer(optimizer());
    Random random = new Random(0);
    if (model.readsTokens()) return tokens(model, (ClassIndexTrainer) trainer, random);
    float[] x = new float[batch * model.inputSize()];
    for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
    int outputs = model.outputSize();
    if (trainer instanceof ClassIndexTrainer classes) {
      int[] y = new int[batch];
      for (int i = 0; i < batch; i++) y[i] = random.nextInt(outputs);
      return () -> classes.step(x, y);
    }
    float[] y = new float[batch * outputs];
    for (int i = 0; i < y.length; i++) y[i] = random.nextInt(2);
    FloatTargetTrainer floats = (FloatTargetTrainer) trainer;
    return () -> floats.step(x, y);
  }

  /**
   * A batch as torch_seq_bench.py makes it: ids in [1, vocabulary), a quarter of the rows padded (0) after a
   * random length; a class per row, or, for a model with an output per position, the next token at each
   * position ({@code roll(ids, -1)}) with the padding positions' targets ignored.
   */
  private Prepared tokens(KilnModel model, ClassIndexTrainer trainer, Random random) {
    EmbeddingOp embedding = (EmbeddingOp) model.layers().get(0).operations().get(0);
    int length = model.inputSize();
    int[] ids = new int[batch * length];
    for (int i = 0; i < ids.length; i++) ids[i] = 1 + random.nextInt(embedding.vocabulary() - 1);
    for (int r = 0; r < batch; r += 4) {
      for (int t = 2 + random.nextInt(length - 2); t < length; t++) ids[r * length + t] = 0;
    }
    int[] shape = model.layers().get(model.layers().size() - 1).outputShape();
    int[] y;
    if (shape.length == 2) {
      y = new int[ids.length];
      for (int r = 0; r < batch; r++) {
        for (int t = 0; t < length; t++) {
          y[r * length + t] = ids[r * length + t] == 0 ? -100 : ids[r * length + (t + 1) % length];
        }
      }
    } else {
      y = new int[batch];
      for (int r = 0; r < batch; r++) y[r] = random.nextInt(model.outputSize());
    }
    return () -> trainer.step(ids, y);
  }

  /** A workload ready to run: one call is one training step. */
  @FunctionalInterface
  interface Prepared {
    float step();
  }
}
