package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.NetworkLayer;
import dev.kiln.processor.model.PlacedTensor;
import java.util.Optional;

/** The names generated code gives to a member's constants and arrays, whatever its kinds. */
final class LayerNames {
  private LayerNames() {}

  /** Values per row the member reads. */
  static String in(NetworkLayer layer) {
    return layer.constantPrefix() + "_IN";
  }

  /** Values per row the member writes. */
  static String out(NetworkLayer layer) {
    return layer.constantPrefix() + "_OUT";
  }

  /** A constant of the member's: {@code HIDDEN_WEIGHT} for {@code WEIGHT}. */
  static String constant(NetworkLayer layer, String suffix) {
    return layer.constantPrefix() + "_" + suffix;
  }

  /** The member's tensor whose offset constant ends in {@code suffix}, if it has one. */
  static Optional<PlacedTensor> tensor(NetworkLayer layer, String suffix) {
    return layer.tensors().stream().filter(t -> t.decl().constant().equals(suffix)).findFirst();
  }

  /** The offset constant of the member's tensor {@code suffix}, or {@code LinearKernels.NO_BIAS} when it has none. */
  static CodeBlock offsetOrNone(NetworkLayer layer, String suffix) {
    return tensor(layer, suffix).isPresent() ? CodeBlock.of("$L", constant(layer, suffix))
        : CodeBlock.of("$T.NO_BIAS", RuntimeTypes.LINEAR_KERNELS);
  }
}
