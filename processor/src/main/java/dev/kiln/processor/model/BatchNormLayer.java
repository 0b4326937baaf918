package dev.kiln.processor.model;

import dev.kiln.processor.model.TensorDecl.Dim;
import dev.kiln.processor.model.TensorDecl.Init;
import dev.kiln.processor.validation.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code @BatchNorm1d} on vectors and {@code @BatchNorm2d} on feature maps: PyTorch's batch normalization,
 * per feature or per channel. One kind for both, as PyTorch's two modules are one computation; which
 * shape it takes is {@code maps}.
 */
public record BatchNormLayer(Origin origin, boolean maps, float eps, float momentum, boolean affine,
    boolean trackRunningStats) implements LayerKind {

  @Override
  public Stage stage() {
    return Stage.TRANSFORM;
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    String name = context.member().name();
    if (context.input().isEmpty()) {
      if (context.first()) {
        context.report(this, null, maps ? Message.MAPS_WITHOUT_INPUT : Message.NORM_WITHOUT_INPUT, annotationName(),
            name);
      }
      return Optional.empty();
    }
    Shape input = context.input().get();
    if (Sequences.refused(this, context)) {
      return Optional.empty();
    }
    if (maps && !(input instanceof Shape.Maps)) {
      context.report(this, null, Message.BATCH_NORM_2D_ON_VECTOR, annotationName(), name, input.size());
      return Optional.empty();
    }
    if (!maps && input instanceof Shape.Maps m) {
      context.report(this, null, Message.BATCH_NORM_1D_ON_MAPS, annotationName(), name, m.text());
      return Optional.empty();
    }
    return Optional.of(input);
  }

  /** The channels (or features) it normalises apart. */
  public long channels(Shape input) {
    return input instanceof Shape.Maps m ? m.channels() : input.size();
  }

  /** The values of one row in each channel: a map's height x width, or 1 for a vector. */
  public long valuesPerChannel(Shape input) {
    return input instanceof Shape.Maps m ? m.height() * m.width() : 1;
  }

  @Override
  public List<TensorDecl> tensors(Shape input, Shape output) {
    Dim channels = new Dim("CHANNELS", channels(input));
    List<TensorDecl> tensors = new ArrayList<>();
    if (affine) {
      tensors.add(TensorDecl.trainable("weight", "WEIGHT", Init.constant(1), channels));
      tensors.add(TensorDecl.trainable("bias", "BIAS", Init.constant(0), channels));
    }
    if (trackRunningStats) {
      tensors.add(TensorDecl.buffer("running_mean", "RUNNING_MEAN", TensorDecl.DType.F32, Init.constant(0), channels));
      tensors.add(TensorDecl.buffer("running_var", "RUNNING_VAR", TensorDecl.DType.F32, Init.constant(1), channels));
      tensors.add(TensorDecl.buffer("num_batches_tracked", "NUM_BATCHES_TRACKED", TensorDecl.DType.I64,
          Init.constant(0)));
    }
    return tensors;
  }

  @Override
  public boolean needsInput() {
    return true;
  }

  @Override
  public boolean normalizesOverTheBatch() {
    return true;
  }

  @Override
  public boolean evaluatesWithTheBatch() {
    return !trackRunningStats;
  }

  @Override
  public String describe(Shape input, Shape output) {
    return annotationName() + "(" + channels(input) + (eps != 1e-5f ? ", eps " + eps : "")
        + (momentum != 0.1f ? ", momentum " + momentum : "") + (affine ? "" : ", no affine")
        + (trackRunningStats ? "" : ", no running statistics") + ")";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitBatchNorm(this);
  }
}
