package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.dsl.LossKind;
import dev.kiln.processor.model.Network;
import java.util.List;

/**
 * The trainer's passes for narrow networks, in feature-major layout: every workspace holds
 * [features x rows], so that the batch, a narrow network's one wide dimension, is the one the kernels
 * vectorize along. The input is transposed once per step; plain cross-entropy and any one-wide output
 * go to the loss as they are, other losses get the output transposed to rows and the gradient back.
 */
final class FeatureMajor {
  private FeatureMajor() {}

  /** Whether the trainer runs feature-major: every step of every member has a feature-major pass. */
  static boolean suits(List<MemberCode> members) {
    return members.stream().flatMap(m -> m.steps().stream())
        .allMatch(step -> Emitters.of(step.step().kind()).featureMajor(step));
  }

  static CodeBlock forward(List<MemberCode> members) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add("// Feature-major: every workspace below is [features x rows].\n")
        .addStatement("kernels.transpose(x, rows, IN, xT)");
    for (MemberCode member : members) {
      code.add(Literals.comment(member.comment()));
      for (StepCode step : member.steps()) {
        Emitters.of(step.step().kind()).forwardFeatureMajor(step, code);
      }
    }
    return code.build();
  }

  /**
   * Whether the loss works on the feature-major output as it is: an output one wide is the same in
   * both layouts, and plain cross-entropy on class indices has a feature-major pass of its own.
   */
  static boolean lossReadsFeatureMajor(Network network, boolean classIndices) {
    if (network.out() == 1) return true;
    return classIndices && network.loss() == LossKind.CROSS_ENTROPY && !network.lossSpec().isGiven("weight")
        && !network.lossSpec().isGiven("labelSmoothing");
  }

  /** Whether any step of the trainer needs the output transposed to rows for its loss. */
  static boolean needsRowMajorOutput(Network network) {
    return network.classIndexTargets() && !lossReadsFeatureMajor(network, true)
        || network.floatTargets() && !lossReadsFeatureMajor(network, false);
  }

  /** The step's loss call: on the feature-major output, or around it, transposing to rows and back. */
  static CodeBlock loss(Network network, List<MemberCode> members, boolean classIndices) {
    LayerPlan last = members.get(members.size() - 1).plan();
    if (network.out() == 1) {
      return CodeBlock.builder()
          .add("// One output: feature-major and row-major are the same.\n")
          .addStatement("float loss = LOSS.compute($L,$Wtargets,$W$L,$Wrows,$WOUT)", last.output(), last.outputGradient())
          .build();
    }
    if (lossReadsFeatureMajor(network, classIndices)) {
      return CodeBlock.builder()
          .addStatement("float loss = LOSS.computeFeatureMajor($L,$Wtargets,$W$L,$Wrows,$WOUT)", last.output(),
              last.outputGradient())
          .build();
    }
    return CodeBlock.builder()
        .add("// The loss reads rows: the output is transposed to them, and its gradient back.\n")
        .addStatement("kernels.transpose($L,$WOUT,$Wrows,$WnetworkOutput)", last.output())
        .addStatement("float loss = LOSS.compute(networkOutput, targets, networkGradient, rows, OUT)")
        .addStatement("kernels.transpose(networkGradient,$Wrows,$WOUT,$W$L)", last.outputGradient())
        .build();
  }

  static CodeBlock backward(List<MemberCode> members) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int i = members.size() - 1; i >= 0; i--) {
      MemberCode member = members.get(i);
      code.add(Literals.comment("Backward through " + member.comment()));
      List<StepCode> steps = member.steps();
      for (int s = steps.size() - 1; s >= 0; s--) {
        Emitters.of(steps.get(s).step().kind()).backwardFeatureMajor(steps.get(s), code);
      }
      BackwardPass.handOn(member, code);
    }
    return code.build();
  }
}
