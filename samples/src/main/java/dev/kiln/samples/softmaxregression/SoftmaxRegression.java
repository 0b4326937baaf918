package dev.kiln.samples.softmaxregression;

import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;

import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.runtime.Layer;

/**
 * The seed's softmax regression, corrected. The seed declared {@code nn.Linear(4, 3)}, then
 * {@code nn.Softmax}, then {@code nn.CrossEntropyLoss}; in Kiln that network does not compile, since
 * cross-entropy applies log-softmax itself. The probabilities come from {@code probabilities()}.
 */
@Model
@Loss(CROSS_ENTROPY)
public interface SoftmaxRegression {
  @Linear(in = 4, out = 3) Layer linear();
}
