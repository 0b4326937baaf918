package dev.kiln.samples.lenet;

import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;

import dev.kiln.dsl.AvgPool2d;
import dev.kiln.dsl.Conv2d;
import dev.kiln.dsl.Flatten;
import dev.kiln.dsl.Input;
import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.MaxPool2d;
import dev.kiln.dsl.Model;
import dev.kiln.dsl.ReLU;
import dev.kiln.runtime.Layer;

/** The sample's two convolutional networks, every size after the input inferred by javac. */
final class LeNetNetworks {
  private LeNetNetworks() {}

  /** LeNet-5: fc1's in is 16 x 5 x 5 = 400, which Kiln works out. */
  @Model
  @Input(channels = 1, height = 28, width = 28)
  @Loss(CROSS_ENTROPY)
  interface LeNet5 {
    @Conv2d(out = 6, kernel = 5, padding = 2) @ReLU Layer conv1();
    @MaxPool2d(kernel = 2)                     Layer pool1();
    @Conv2d(out = 16, kernel = 5)       @ReLU Layer conv2();
    @MaxPool2d(kernel = 2)                     Layer pool2();
    @Flatten                                   Layer flatten();
    @Linear(out = 120) @ReLU                   Layer fc1();
    @Linear(out = 84)  @ReLU                   Layer fc2();
    @Linear(out = 10)                          Layer fc3();
  }

  /** The Mnist_CNN of PyTorch's "What is torch.nn really?": three stride-2 convolutions, a 4x4 average pool. */
  @Model
  @Input(channels = 1, height = 28, width = 28)
  @Loss(CROSS_ENTROPY)
  interface TutorialCnn {
    @Conv2d(out = 16, kernel = 3, stride = 2, padding = 1) @ReLU Layer conv1();
    @Conv2d(out = 16, kernel = 3, stride = 2, padding = 1) @ReLU Layer conv2();
    @Conv2d(out = 10, kernel = 3, stride = 2, padding = 1) @ReLU Layer conv3();
    @AvgPool2d(kernel = 4)                                      Layer pool();
    @Flatten                                                    Layer flatten();
  }
}
