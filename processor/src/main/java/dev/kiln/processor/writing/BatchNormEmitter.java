package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.kiln.processor.model.BatchNormLayer;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code @BatchNorm1d} and {@code @BatchNorm2d}: a {@code BatchNorm} of the model's, and one of the
 * trainer's, each keeping its last batch's statistics; the trainer normalises with the batch's and
 * updates the model's running statistics, the model's {@code forward} uses them. The member's activation
 * follows the normalization as it writes each value.
 */
final class BatchNormEmitter extends NormEmitter {
  private final BatchNormLayer norm;

  BatchNormEmitter(BatchNormLayer norm) {
    this.norm = norm;
  }

  @Override
  public CodeBlock operation(StepCode code) {
    return CodeBlock.of("new $T($L)", RuntimeTypes.BATCH_NORM_OP, NamedArguments.of(
        "channels", norm.channels(code.step().input()), "eps", Literals.of(norm.eps()),
        "trackRunningStats", norm.trackRunningStats(), "weight", code.tensorName("weight"),
        "bias", code.tensorName("bias"), "runningMean", code.tensorName("running_mean"),
        "runningVar", code.tensorName("running_var")));
  }

  private static String field(StepCode code) {
    return code.layer().name() + "Norm";
  }

  @Override
  public List<FieldSpec> fields(StepCode code) {
    return List.of(FieldSpec.builder(RuntimeTypes.BATCH_NORM, field(code), Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $T($Z$L)", RuntimeTypes.BATCH_NORM, NamedArguments.of(
            "name", CodeBlock.of("$S", "@" + norm.annotationName() + " on " + code.layer().name() + "()"),
            "channels", norm.channels(code.step().input()),
            "valuesPerChannel", norm.valuesPerChannel(code.step().input()), "eps", Literals.of(norm.eps()),
            "momentum", Literals.of(norm.momentum())))
        .build());
  }

  /** The running statistics' array and offsets, or none. */
  private CodeBlock statistics(StepCode code, String owner) {
    return norm.trackRunningStats()
        ? CodeBlock.of("$Lbuffers,$W$L,$W$L", owner, code.constant("RUNNING_MEAN"), code.constant("RUNNING_VAR"))
        : CodeBlock.of("null, -1, -1");
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    out.addStatement("$L.forwardInference($L,$W$L,$W$L,$Wrows,$W$L,$Wparameters,$W$L,$W$L)", field(code), input, output,
        output, code.activation(), affine(code), statistics(code, ""));
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("$L.forwardTraining($L,$W$L,$W$L,$Wrows,$W$L,$Wparameters,$W$L,$W$L,$W$L)", field(code), plan.input(),
        plan.preActivation(), plan.computed(), code.activation(), affine(code), statistics(code, "model."),
        norm.trackRunningStats() ? CodeBlock.of("model.longBuffers,$W$L", code.constant("NUM_BATCHES_TRACKED"))
            : CodeBlock.of("null, -1"));
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    LayerPlan plan = code.plan();
    out.addStatement("$L.backward($L,$W$L,$W$L,$Wrows,$Wparameters,$W$L,$Wgradients,$W$L)", field(code), plan.input(),
        plan.computedGradient(), plan.inputGradient() == null ? "null" : plan.inputGradient(),
        LayerNames.offsetOrNone(code.layer(), "WEIGHT"), affine(code));
  }
}
