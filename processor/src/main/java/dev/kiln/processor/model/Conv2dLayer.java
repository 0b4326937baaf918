package dev.kiln.processor.model;

import dev.kiln.processor.model.TensorDecl.Dim;
import dev.kiln.processor.model.TensorDecl.Init;
import dev.kiln.processor.validation.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code @Conv2d}: PyTorch's {@code nn.Conv2d} with a square kernel.
 *
 * @param in the input channels as written; empty when left to be inferred
 */
public record Conv2dLayer(Origin origin, Optional<Integer> in, int out, int kernel, int stride, int padding,
    int dilation, boolean bias) implements LayerKind {

  @Override
  public Stage stage() {
    return Stage.TRANSFORM;
  }

  /** Whether its own sizes are sound, as its reader checks them; the walk reports nothing more otherwise. */
  public boolean sound() {
    return out > 0 && kernel > 0 && stride > 0 && dilation > 0 && padding >= 0 && in.map(n -> n > 0).orElse(true);
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    String name = context.member().name();
    if (context.input().isEmpty()) {
      if (context.first()) {
        context.report(this, null, Message.MAPS_WITHOUT_INPUT, annotationName(), name);
      }
      return Optional.empty();
    }
    if (context.input().get() instanceof Shape.Sequence sequence) {
      context.report(this, null, Message.MAPS_ON_SEQUENCE, annotationName(), name, sequence.text());
      return Optional.empty();
    }
    if (!(context.input().get() instanceof Shape.Maps maps)) {
      context.report(this, null, Message.MAPS_AFTER_FLAT, annotationName(), name, context.input().get().size());
      return Optional.empty();
    }
    if (in.isPresent() && in.get() > 0 && in.get() != maps.channels()) {
      context.report(this, origin.value("in"), Message.CONV_IN_MISMATCH, annotationName(), in.get(), name,
          maps.channels(), maps.text(), maps.channels());
    }
    if (!sound()) {
      return Optional.empty();
    }
    long height = Windows.outputSize(this, context, maps, maps.height(), "height", kernel, stride, padding, dilation);
    if (height < 1) {
      return Optional.empty(); // the kernel is square: one error says it for both dimensions
    }
    long width = Windows.outputSize(this, context, maps, maps.width(), "width", kernel, stride, padding, dilation);
    if (width < 1) {
      return Optional.empty();
    }
    return Optional.of(new Shape.Maps(out, height, width));
  }

  @Override
  public List<TensorDecl> tensors(Shape input, Shape output) {
    Dim inChannels = new Dim("IN_CHANNELS", ((Shape.Maps) input).channels());
    Dim size = new Dim("KERNEL", kernel);
    Init init = Init.uniformFanIn(inChannels, size, size);
    List<TensorDecl> tensors = new ArrayList<>();
    tensors.add(TensorDecl.trainable("weight", "WEIGHT", init, new Dim("OUT_CHANNELS", out), inChannels, size, size));
    if (bias) {
      tensors.add(TensorDecl.trainable("bias", "BIAS", init, new Dim("OUT_CHANNELS", out)));
    }
    return tensors;
  }

  @Override
  public String describe(Shape input, Shape output) {
    return "Conv2d(" + input.text() + " -> " + output.text() + ", kernel " + kernel
        + (stride == 1 ? "" : ", stride " + stride) + (padding == 0 ? "" : ", padding " + padding)
        + (dilation == 1 ? "" : ", dilation " + dilation) + (bias ? "" : ", no bias") + ")";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitConv2d(this);
  }
}
