package dev.kiln.benchmarks;

import static dev.kiln.dsl.LossKind.BCE_WITH_LOGITS;
import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;

import dev.kiln.dsl.AvgPool2d;
import dev.kiln.dsl.BatchNorm2d;
import dev.kiln.dsl.Block;
import dev.kiln.dsl.Conv2d;
import dev.kiln.dsl.Flatten;
import dev.kiln.dsl.Input;
import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.MaxPool2d;
import dev.kiln.dsl.Model;
import dev.kiln.dsl.ReLU;
import dev.kiln.dsl.Residual;
import dev.kiln.runtime.Layer;

/** The networks of {@code shared/bench/torch_bench.py} and {@code torch_cnn_bench.py}, declared for Kiln. */
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
  public interface Mnist {
    @Linear(in = 784, out = 128) @ReLU Layer hidden();
    @Linear(out = 10) Layer out();
  }

  @Model @Loss(CROSS_ENTROPY)
  public interface Mlp {
    @Linear(in = 784, out = 512) @ReLU Layer first();
    @Linear(out = 512) @ReLU Layer second();
    @Linear(out = 10) Layer out();
  }

  /** LeNet-5 on 28x28, padding 2 on the first convolution, ReLU and max pooling. */
  @Model @Input(channels = 1, height = 28, width = 28) @Loss(CROSS_ENTROPY)
  public interface LeNet5 {
    @Conv2d(out = 6, kernel = 5, padding = 2) @ReLU Layer conv1();
    @MaxPool2d(kernel = 2) Layer pool1();
    @Conv2d(out = 16, kernel = 5) @ReLU Layer conv2();
    @MaxPool2d(kernel = 2) Layer pool2();
    @Flatten Layer flatten();
    @Linear(out = 120) @ReLU Layer fc1();
    @Linear(out = 84) @ReLU Layer fc2();
    @Linear(out = 10) Layer fc3();
  }

  /** The Mnist_CNN of PyTorch's "What is torch.nn really?": three stride-2 convolutions, a 4x4 average pool. */
  @Model @Input(channels = 1, height = 28, width = 28) @Loss(CROSS_ENTROPY)
  public interface TutorialCnn {
    @Conv2d(out = 16, kernel = 3, stride = 2, padding = 1) @ReLU Layer conv1();
    @Conv2d(out = 16, kernel = 3, stride = 2, padding = 1) @ReLU Layer conv2();
    @Conv2d(out = 10, kernel = 3, stride = 2, padding = 1) @ReLU Layer conv3();
    @AvgPool2d(kernel = 4) Layer pool();
    @Flatten Layer flatten();
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

  /** ResNet's basic block: relu(x + bn(conv(relu(bn(conv(x)))))), with the ReLU on the member that uses it. */
  @Block
  public interface BasicBlock {
    @Conv2d(out = 16, kernel = 3, padding = 1, bias = false) Layer conv1();
    @BatchNorm2d @ReLU Layer bn1();
    @Conv2d(out = 16, kernel = 3, padding = 1, bias = false) Layer conv2();
    @BatchNorm2d Layer bn2();
  }

  /** torch_cnn_bench.py's mini_resnet: a stem, two residual blocks, global average pooling, a linear head. */
  @Model @Input(channels = 1, height = 28, width = 28) @Loss(CROSS_ENTROPY)
  public interface MiniResNet {
    @Conv2d(out = 16, kernel = 3, padding = 1, bias = false) Layer stem();
    @BatchNorm2d @ReLU Layer bn();
    @MaxPool2d(kernel = 2) Layer pool();
    @Residual @ReLU BasicBlock block1();
    @Residual @ReLU BasicBlock block2();
    @AvgPool2d(kernel = 14) Layer gap();
    @Flatten Layer flatten();
    @Linear(out = 10) Layer fc();
  }
}
