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
    if (context.input().isPresent() && context.input().get() instanceof Shape.Sequence sequence) {
      if (in.isPresent() && in.get() > 0 && in.get() != sequence.dim()) {
        context.report(this, origin.value("in"), Message.POSITION_IN_MISMATCH, annotationName(), in.get(), name,
            sequence.text(), sequence.dim());
      }
      if (out <= 0) {
        context.report(this, origin.value("out"), Message.SIZE_NOT_POSITIVE, annotationName(), "out", out, name);
        return Optional.empty();
      }
      return Optional.of(new Shape.Sequence(sequence.length(), out, sequence.padded()));
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
    // On a sequence, the weight is per position: [out x dim], its sizes a position's, not the member's.
    boolean perPosition = input instanceof Shape.Sequence;
    Dim in = perPosition ? new Dim("POSITION_IN", ((Shape.Sequence) input).dim()) : new Dim("IN", input.size());
    Dim outputs = new Dim(perPosition ? "POSITION_OUT" : "OUT", out);
    Init init = Init.uniformFanIn(in);
    List<TensorDecl> tensors = new ArrayList<>();
    tensors.add(TensorDecl.trainable("weight", "WEIGHT", init, outputs, in));
    if (bias) {
      tensors.add(TensorDecl.trainable("bias", "BIAS", init, outputs));
    }
    return tensors;
  }

  @Override
  public boolean computesNewPositionsOnly() {
    return true;
  }

  @Override
  public String describe(Shape input, Shape output) {
    if (input instanceof Shape.Sequence sequence) {
      return "Linear(" + sequence.dim() + " -> " + out + " per position" + (bias ? "" : ", no bias") + ")";
    }
    return "Linear(" + input.text() + " -> " + output.text() + (bias ? "" : ", no bias") + ")";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitLinear(this);
  }
}
