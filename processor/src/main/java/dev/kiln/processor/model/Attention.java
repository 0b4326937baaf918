package dev.kiln.processor.model;

import dev.kiln.processor.model.TensorDecl.Dim;
import dev.kiln.processor.model.TensorDecl.Init;
import dev.kiln.processor.validation.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code @SelfAttention} and {@code @TransformerEncoderLayer} share: heads that divide the dim, and the attention's tensors. */
final class Attention {
  private Attention() {}

  /** The sequence flowing in when {@code heads} divides its dim; empty, reported, otherwise. */
  static Optional<Shape> sequence(LayerKind kind, ShapeContext context, int heads) {
    Optional<Shape.Sequence> sequence = Sequences.required(kind, context);
    if (sequence.isEmpty() || heads < 1) return Optional.empty();
    long dim = sequence.get().dim();
    if (dim % heads != 0) {
      context.report(kind, kind.origin().value("heads"), Message.HEADS_DO_NOT_DIVIDE, kind.annotationName(), heads,
          context.member().name(), dim, nearestDivisors(dim, heads));
      return Optional.empty();
    }
    return Optional.of(sequence.get());
  }

  /** The divisors of {@code dim} nearest {@code heads}, below and above: {@code 4 or 8}. */
  static String nearestDivisors(long dim, int heads) {
    long below = heads;
    while (below > 1 && dim % below != 0) below--;
    long above = heads;
    while (above < dim && dim % above != 0) above++;
    return below == above || above > dim ? Long.toString(below) : below + " or " + above;
  }

  /** {@code nn.MultiheadAttention}'s tensors, under {@code prefix} ({@code self_attn.} in an encoder layer). */
  static List<TensorDecl> tensors(String prefix, String constantPrefix, long dim, boolean bias) {
    Dim in = new Dim("DIM", dim);
    Dim projections = new Dim("PROJECTIONS", 3 * dim);
    List<TensorDecl> tensors = new ArrayList<>();
    tensors.add(TensorDecl.trainable(prefix + "in_proj_weight", constantPrefix + "IN_PROJ_WEIGHT",
        Init.xavierUniform(projections, in), projections, in));
    if (bias) {
      tensors.add(TensorDecl.trainable(prefix + "in_proj_bias", constantPrefix + "IN_PROJ_BIAS", Init.constant(0),
          projections));
    }
    tensors.add(TensorDecl.trainable(prefix + "out_proj.weight", constantPrefix + "OUT_PROJ_WEIGHT",
        Init.uniformFanIn(in), in, in));
    if (bias) {
      tensors.add(TensorDecl.trainable(prefix + "out_proj.bias", constantPrefix + "OUT_PROJ_BIAS", Init.constant(0),
          in));
    }
    return tensors;
  }
}
