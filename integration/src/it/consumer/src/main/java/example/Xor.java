package example;

import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;

import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.dsl.Tanh;
import dev.kiln.runtime.Layer;

/** XOR, the smallest network that needs its hidden layer. */
@Model
@Loss(CROSS_ENTROPY)
public interface Xor {
  @Linear(in = 2, out = 8) @Tanh Layer hidden();
  @Linear(out = 2)               Layer out();
}
