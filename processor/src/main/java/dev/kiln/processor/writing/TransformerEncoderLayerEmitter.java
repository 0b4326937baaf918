package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.kiln.processor.model.TransformerEncoderLayerKind;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code @TransformerEncoderLayer}: a runtime {@code EncoderLayer} of the model's and one of the
 * trainer's, which keeps what its backward pass needs; its twelve tensors lie from
 * {@code self_attn.in_proj_weight} on, in PyTorch's order.
 */
final class TransformerEncoderLayerEmitter implements KindEmitter {
  private final TransformerEncoderLayerKind encoder;

  TransformerEncoderLayerEmitter(TransformerEncoderLayerKind encoder) {
    this.encoder = encoder;
  }

  private static String field(StepCode code) {
    return code.layer().name() + "Encoder";
  }

  @Override
  public List<FieldSpec> fields(StepCode code) {
    CodeBlock activation = encoder.gelu() ? CodeBlock.of("$T.gelu()", RuntimeTypes.ACTIVATION)
        : CodeBlock.of("$T.RELU", RuntimeTypes.ACTIVATION);
    return List.of(FieldSpec.builder(RuntimeTypes.ENCODER_LAYER, field(code), Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $T($Z$L)", RuntimeTypes.ENCODER_LAYER, NamedArguments.of(
            "length", SequenceSteps.sequence(code).length(), "dim", SequenceSteps.sequence(code).dim(),
            "heads", encoder.heads(), "feedforward", encoder.feedforward(),
            "dropout", Literals.of(encoder.dropout()), "activation", activation, "normFirst", encoder.normFirst(),
            "eps", Literals.of(encoder.eps()), "causal", encoder.causal(), "kernels", "kernels"))
        .build());
  }

  @Override
  public CodeBlock operation(StepCode code) {
    return CodeBlock.of("new $T($Z$L)", RuntimeTypes.TRANSFORMER_ENCODER_LAYER_OP, NamedArguments.of(
        "attention", SelfAttentionEmitter.operation(code, encoder.heads(), encoder.causal(), "self_attn.", true),
        "feedforward", encoder.feedforward(), "gelu", encoder.gelu(), "normFirst", encoder.normFirst(),
        "eps", Literals.of(encoder.eps()), "prefix", CodeBlock.of("$S", code.layer().path() + ".")));
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    SequenceSteps.attendInference(code, field(code), "SELF_ATTN_IN_PROJ_WEIGHT", input, output, out);
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    SequenceSteps.attendForward(code, field(code), "SELF_ATTN_IN_PROJ_WEIGHT", encoder.drops(), out);
  }

  @Override
  public boolean writesInputGradient() {
    return true;
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    SequenceSteps.attendBackward(code, field(code), "SELF_ATTN_IN_PROJ_WEIGHT", out);
  }
}
