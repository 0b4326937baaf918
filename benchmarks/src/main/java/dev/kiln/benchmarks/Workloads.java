package dev.kiln.benchmarks;

import static dev.kiln.dsl.LossKind.BCE_WITH_LOGITS;
import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;

import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.dsl.ReLU;
import dev.kiln.runtime.Layer;

/** The networks of {@code shared/bench/torch_bench.py}, declared for Kiln: hidden layers ReLU. */
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
}
