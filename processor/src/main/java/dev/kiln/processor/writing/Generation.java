package dev.kiln.processor.writing;

import com.palantir.javapoet.MethodSpec;
import dev.kiln.dsl.LossKind;
import dev.kiln.processor.model.Network;
import dev.kiln.processor.model.NetworkLayer;
import dev.kiln.processor.model.Shape;
import dev.kiln.processor.model.Step;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The model's {@code generator(Sampling)}, written only for a causal language model: tokens in, one logit
 * per token of the vocabulary out at every position, cross-entropy, every attention causal, and every
 * member one a position can go through alone (embeddings, products and norms on each position,
 * elementwise functions, dropout, residual joins). Any other model has no such method, so calling it
 * does not compile.
 */
final class Generation {
  private Generation() {}

  static Optional<MethodSpec> method(Network network) {
    if (!generates(network)) return Optional.empty();
    return Optional.of(MethodSpec.methodBuilder("generator")
        .addJavadoc("A generator of tokens that follow a prompt, one position per token: each attention"
            + " layer keeps\nthe keys and values of the positions seen. Reads this model's parameters as they"
            + " are at each\ntoken. Not thread-safe: one generator per stream.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(RuntimeTypes.GENERATOR)
        .addParameter(RuntimeTypes.SAMPLING, "sampling")
        .addStatement("return $T.of(this, sampling)", RuntimeTypes.GENERATOR)
        .build());
  }

  static boolean generates(Network network) {
    if (!(network.input() instanceof Shape.Tokens tokens)) return false;
    if (!(network.output() instanceof Shape.Sequence output) || output.dim() != tokens.vocabulary()) return false;
    if (network.loss() != LossKind.CROSS_ENTROPY) return false;
    for (NetworkLayer layer : network.layers()) {
      for (Step step : layer.steps()) {
        if (!step.kind().computesNewPositionsOnly()) return false;
      }
    }
    return true;
  }
}
