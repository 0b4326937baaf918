package dev.kiln.samples.resnet;

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

/** Issue 13's MiniResNet, exactly as the issue declares it. */
final class ResNetNetworks {
  private ResNetNetworks() {}

  /** ResNet's basic block: two 3x3 convolutions with batch normalization, used twice with parameters of its own. */
  @Block
  interface BasicBlock {
    @Conv2d(out = 16, kernel = 3, padding = 1, bias = false) Layer conv1();
    @BatchNorm2d                                              Layer bn1();
    @ReLU                                                     Layer relu();
    @Conv2d(out = 16, kernel = 3, padding = 1, bias = false) Layer conv2();
    @BatchNorm2d                                              Layer bn2();
  }

  @Model
  @Input(channels = 1, height = 28, width = 28)
  @Loss(CROSS_ENTROPY)
  interface MiniResNet {
    @Conv2d(out = 16, kernel = 3, padding = 1, bias = false) Layer stem();
    @BatchNorm2d @ReLU                                        Layer bn();
    @MaxPool2d(kernel = 2)                                    Layer pool();
    @Residual @ReLU BasicBlock block1();                   // relu(x + block1(x)): block1.conv1.weight, ...
    @Residual @ReLU BasicBlock block2();                   // its own parameters: block2.conv1.weight, ...
    @AvgPool2d(kernel = 14)                                   Layer gap();
    @Flatten                                                  Layer flatten();
    @Linear(out = 10)                                         Layer fc();
  }
}
