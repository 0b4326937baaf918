package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.Network;
import dev.kiln.processor.model.NetworkLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * The forward pass, member by member, each step written by its kind's emitter. Expects {@code x},
 * {@code rows}, {@code parameters} and {@code kernels} in scope.
 */
final class ForwardPass {
  private ForwardPass() {}

  /**
   * Inference, as the model's {@code forward} runs it: each member's output in a new array, activations
   * in place, dropout off. Leaves the output in {@link #inferenceOutput}.
   */
  static CodeBlock inference(Network network) {
    return inference(network, false);
  }

  /**
   * Inference into the model's reusable workspaces ({@code <member>Inference}) and, for the last member,
   * into {@code out}, as {@code forward(x, out)} runs it.
   */
  static CodeBlock inferenceInto(Network network) {
    return inference(network, true);
  }

  private static CodeBlock inference(Network network, boolean reuse) {
    CodeBlock.Builder code = CodeBlock.builder();
    String input = "x";
    String last = inferenceOutput(network);
    List<String> memberInputs = new ArrayList<>();
    for (MemberCode member : Fusions.of(LayerPlan.of(network))) {
      NetworkLayer layer = member.layer();
      memberInputs.add(input);
      if (!layer.computes()) {
        continue; // dropout alone: nothing to do outside training
      }
      String output = layer.name() + "Output";
      code.add(Literals.comment(member.comment()));
      if (!reuse) {
        code.addStatement("float[] $L = new float[rows * $L]", output, LayerNames.out(layer));
      } else {
        output = output.equals(last) ? "out" : inferenceWorkspace(layer);
      }
      for (StepCode step : member.steps()) {
        // Once a step has written the output, the steps after it work on the output in place.
        int skip = step.step().kind().skipsMembers();
        String skipInput = skip > 0 ? memberInputs.get(memberInputs.size() - 1 - skip) : null;
        Emitters.of(step.step().kind()).inference(step, input, output, skipInput, code);
        if (step.step().kind().writesOutput()) input = output;
      }
    }
    return code.build();
  }

  /** The model's field that holds a member's output for {@code forward(x, out)}. */
  static String inferenceWorkspace(NetworkLayer layer) {
    return layer.name() + "Inference";
  }

  /** The name of the array {@link #inference} leaves the network's output in. */
  static String inferenceOutput(Network network) {
    List<NetworkLayer> layers = network.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (layers.get(i).computes()) return layers.get(i).name() + "Output";
    }
    return "x";
  }

  /** Training, as the trainer runs it: into the workspaces, keeping what backward needs, dropout on. */
  static CodeBlock training(List<MemberCode> members) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (MemberCode member : members) {
      code.add(Literals.comment(member.comment()));
      for (StepCode step : member.steps()) {
        Emitters.of(step.step().kind()).forward(step, code);
      }
    }
    return code.build();
  }
}
