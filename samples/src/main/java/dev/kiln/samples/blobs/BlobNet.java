package dev.kiln.samples.blobs;

import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;

import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.dsl.ReLU;
import dev.kiln.runtime.Layer;

/** Two inputs, ten ReLU units, two classes: the network of the blobs seed. */
@Model
@Loss(CROSS_ENTROPY)
public interface BlobNet {
  @Linear(in = 2, out = 10) @ReLU Layer hidden();
  @Linear(out = 2)                Layer out();
}
