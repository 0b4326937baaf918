package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.kiln.processor.model.SelfAttentionLayer;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code @SelfAttention}: a runtime {@code SelfAttention} of the model's and one of the trainer's, which
 * keeps its projections and probabilities for the backward pass.
 */
final class SelfAttentionEmitter implements KindEmitter {
  private final SelfAttentionLayer attention;

  SelfAttentionEmitter(SelfAttentionLayer attention) {
    this.attention = attention;
  }

  private static String field(StepCode code) {
    return code.layer().name() + "Attention";
  }

  @Override
  public List<FieldSpec> fields(StepCode code) {
    return List.of(FieldSpec.builder(RuntimeTypes.SELF_ATTENTION, field(code), Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $T($Z$L)", RuntimeTypes.SELF_ATTENTION, NamedArguments.of(
            "length", SequenceSteps.sequence(code).length(), "dim", SequenceSteps.sequence(code).dim(),
            "heads", attention.heads(), "bias", attention.bias(), "causal", attention.causal(),
            "dropout", Literals.of(attention.dropout()), "kernels", "kernels"))
        .build());
  }

  @Override
  public CodeBlock operation(StepCode code) {
    return operation(code, attention.heads(), attention.causal(), "", attention.bias());
  }

  /** The attention's record for exporters, its tensors under {@code prefix}. */
  static CodeBlock operation(StepCode code, int heads, boolean causal, String prefix, boolean bias) {
    return CodeBlock.of("new $T($Z$L)", RuntimeTypes.SELF_ATTENTION_OP, NamedArguments.of(
        "length", SequenceSteps.sequence(code).length(), "dim", SequenceSteps.sequence(code).dim(), "heads", heads,
        "causal", causal, "padded", SequenceSteps.sequence(code).padded(),
        "inProjWeight", code.tensorName(prefix + "in_proj_weight"),
        "inProjBias", bias ? code.tensorName(prefix + "in_proj_bias") : "null",
        "outProjWeight", code.tensorName(prefix + "out_proj.weight"),
        "outProjBias", bias ? code.tensorName(prefix + "out_proj.bias") : "null"));
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    SequenceSteps.attendInference(code, field(code), "IN_PROJ_WEIGHT", input, output, out);
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    SequenceSteps.attendForward(code, field(code), "IN_PROJ_WEIGHT", attention.drops(), out);
  }

  @Override
  public boolean writesInputGradient() {
    return true;
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    SequenceSteps.attendBackward(code, field(code), "IN_PROJ_WEIGHT", out);
  }
}
