package dev.kiln.benchmarks;

import static dev.kiln.dsl.LossKind.BCE_WITH_LOGITS;
import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;

import dev.kiln.dsl.Conv2d;
import dev.kiln.dsl.Flatten;
import dev.kiln.dsl.Input;
import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.MaxPool2d;
import dev.kiln.dsl.Model;
import dev.kiln.dsl.ReLU;
import dev.kiln.runtime.Layer;

/**
 * The networks of {@code shared/bench/torch_bench.py} and {@code torch_cnn_bench.py} that no sample declares;
 * the others (784-128-10, LeNet-5, the tutorial CNN, MiniResNet) are the samples' own.
 */
public final class Workloads {
  private Workloads() {}

  @Model @Loss(CROSS_ENTROPY)
  public interface Blobs {
    @Linear(in = 2, out = 10) @ReLU Layer hidden();
    @Linear(out = 2) Layer out();
  }

  @Model @Loss(CROSS_ENTROPY)
  public interface Linear43 {
    @Linear(in = 4, out = 3) Layer out();
  }

  @Model @Loss(BCE_WITH_LOGITS)
  public interface Binary {
    @Linear(in = 20, out = 16) @ReLU Layer hidden();
    @Linear(out = 1) Layer out();
  }

  @Model @Loss(CROSS_ENTROPY)
  public interface WideMlp {
    @Linear(in = 784, out = 512) @ReLU Layer first();
    @Linear(out = 512) @ReLU Layer second();
    @Linear(out = 10) Layer out();
  }

  /** CIFAR-shaped, two VGG stages: the convolutions dominate. */
  @Model @Input(channels = 3, height = 32, width = 32) @Loss(CROSS_ENTROPY)
  public interface SmallVgg {
    @Conv2d(out = 32, kernel = 3, padding = 1) @ReLU Layer conv1();
    @Conv2d(out = 32, kernel = 3, padding = 1) @ReLU Layer conv2();
    @MaxPool2d(kernel = 2) Layer pool1();
    @Conv2d(out = 64, kernel = 3, padding = 1) @ReLU Layer conv3();
    @Conv2d(out = 64, kernel = 3, padding = 1) @ReLU Layer conv4();
    @MaxPool2d(kernel = 2) Layer pool2();
    @Flatten Layer flatten();
    @Linear(out = 256) @ReLU Layer fc1();
    @Linear(out = 10) Layer fc2();
  }
}
