package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.kiln.processor.model.SequencePoolLayer;
import java.util.List;
import javax.lang.model.element.Modifier;

/** {@code @SequencePool}: a runtime {@code SequencePool} each for the model and the trainer (MAX keeps its positions). */
final class SequencePoolEmitter implements KindEmitter {
  private final SequencePoolLayer pool;

  SequencePoolEmitter(SequencePoolLayer pool) {
    this.pool = pool;
  }

  private static String field(StepCode code) {
    return code.layer().name() + "Pool";
  }

  @Override
  public List<FieldSpec> fields(StepCode code) {
    return List.of(FieldSpec.builder(RuntimeTypes.SEQUENCE_POOL, field(code), Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $T($T.Mode.$L,$W$L,$W$L)", RuntimeTypes.SEQUENCE_POOL, RuntimeTypes.SEQUENCE_POOL,
            pool.mode(), SequenceSteps.sequence(code).length(), SequenceSteps.sequence(code).dim())
        .build());
  }

  @Override
  public CodeBlock operation(StepCode code) {
    return CodeBlock.of("new $T($S,$W$L,$W$L,$W$L)", RuntimeTypes.SEQUENCE_POOL_OP, pool.mode(),
        SequenceSteps.sequence(code).length(), SequenceSteps.sequence(code).dim(),
        SequenceSteps.sequence(code).padded());
  }

  @Override
  public void inference(StepCode code, String input, String output, CodeBlock.Builder out) {
    out.addStatement("$L.forward($L,$W$L,$W$L,$Wrows)", field(code), input, SequenceSteps.padding(code), output);
  }

  @Override
  public void forward(StepCode code, CodeBlock.Builder out) {
    out.addStatement("$L.forward($L,$W$L,$W$L,$Wrows)", field(code), code.plan().input(), SequenceSteps.padding(code),
        code.plan().computed());
  }

  @Override
  public boolean writesInputGradient() {
    return true;
  }

  @Override
  public void backward(StepCode code, CodeBlock.Builder out) {
    if (code.plan().inputGradient() == null) return;
    out.addStatement("$L.backward($L,$W$L,$W$L,$Wrows)", field(code), code.plan().computedGradient(),
        SequenceSteps.padding(code), code.plan().inputGradient());
  }
}
