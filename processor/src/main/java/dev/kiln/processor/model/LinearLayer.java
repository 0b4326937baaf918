package dev.kiln.processor.model;

import dev.kiln.processor.model.TensorDecl.Dim;
import dev.kiln.processor.model.TensorDecl.Init;
import dev.kiln.processor.validation.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code @Linear}: {@code y = x · Wᵀ + b}, PyTorch's {@code nn.Linear}.
 *
 * @param in the input features as written; empty when left to be inferred
 */
public record LinearLayer(Origin origin, Optional<Integer> in, int out, boolean bias) implements LayerKind {
  @Override
  public Stage stage() {
    return Stage.TRANSFORM;
  }

  @Override
  public Optional<Shape> declaredInput() {
    return in.filter(n -> n > 0).map(Shape::features);
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    String name = context.member().name();
    if (Sequences.refused(this, context)) {
      return Optional.empty();
    }
    if (context.input().isPresent() && context.input().get() instanceof Shape.Maps maps) {
      context.report(this, null, Message.LINEAR_ON_FEATURE_MAP, annotationName(), name, maps.text(), name,
          maps.size(), maps.text());
    } else if (in.isPresent()) {
      int declared = in.get();
      if (declared <= 0) {
        context.report(this, origin.value("in"), Message.SIZE_NOT_POSITIVE, annotationName(), "in", declared, name);
      } else if (context.input().isPresent() && context.input().get().size() != declared) {
        reportMismatch(context, declared, (Shape.Features) context.input().get());
      }
    } else if (context.first() && context.input().isEmpty()) {
      context.report(this, null, Message.FIRST_LAYER_WITHOUT_IN, context.member().name(), annotationName(), out);
    }
    if (out <= 0) {
      context.report(this, origin.value("out"), Message.SIZE_NOT_POSITIVE, annotationName(), "out", out,
          context.member().name());
      return Optional.empty();
    }
    return Optional.of(Shape.features(out));
  }

  private void reportMismatch(ShapeContext context, int declared, Shape.Features input) {
    String name = context.member().name();
    if (input.flattened() != null) {
      context.report(this, origin.value("in"), Message.FLATTENED_IN_MISMATCH, annotationName(), declared, name,
          input.origin(), context.inputFrom(), input.size());
    } else if (context.inputFrom() == null) {
      context.report(this, origin.value("in"), Message.INPUT_MISMATCH, annotationName(), declared, name,
          input.size(), input.size());
    } else {
      context.report(this, origin.value("in"), Message.IN_MISMATCH, annotationName(), declared, name,
          input.size(), context.inputFrom(), input.size());
    }
  }

  @Override
  public List<TensorDecl> tensors(Shape input, Shape output) {
    Dim in = new Dim("IN", input.size());
    Init init = Init.uniformFanIn(in);
    List<TensorDecl> tensors = new ArrayList<>();
    tensors.add(TensorDecl.trainable("weight", "WEIGHT", init, new Dim("OUT", out), in));
    if (bias) {
      tensors.add(TensorDecl.trainable("bias", "BIAS", init, new Dim("OUT", out)));
    }
    return tensors;
  }

  @Override
  public String describe(Shape input, Shape output) {
    return "Linear(" + input.text() + " -> " + output.text() + (bias ? "" : ", no bias") + ")";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitLinear(this);
  }
}
