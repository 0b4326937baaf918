package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * What BatchNorm and LayerNorm share: each applies the member's activation as it writes, keeping the
 * pre-activation values, hands on its input gradient itself (without a ReLU mask below: the mean it takes
 * out mixes every value's gradient), and reads its optional affine weight and bias.
 */
abstract class NormEmitter implements KindEmitter {
  @Override
  public final boolean appliesActivation() {
    return true;
  }

  @Override
  public final boolean writesInputGradient() {
    return true;
  }

  @Override
  public final List<Workspace> workspaces(StepCode code) {
    return code.keptPreActivation();
  }

  /** The affine weight's and bias's offsets, as a runtime norm takes them: -1 for none. */
  static CodeBlock affine(StepCode code) {
    return CodeBlock.of("$L,$W$L", LayerNames.offsetOrNone(code.layer(), "WEIGHT"),
        LayerNames.offsetOrNone(code.layer(), "BIAS"));
  }
}
