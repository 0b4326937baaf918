package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.kiln.processor.model.NetworkLayer;
import java.util.List;
import java.util.Optional;

/**
 * What one layer kind writes into the generated model and trainer: one implementation per kind, chosen
 * by {@link Emitters}. An emitter writes its own step only; where two steps run as one (an activation
 * applied as the product writes each row, a ReLU's mask in the input gradient above it), {@link Fusions}
 * decides and tells each step through its {@link StepCode}.
 */
interface KindEmitter {
  /** Static constants beyond the tensors' offsets, such as a configured activation. */
  default List<FieldSpec> constants(StepCode code) {
    return List.of();
  }

  /** Instance fields the model and the trainer each hold, such as a PReLU that reads its slopes. */
  default List<FieldSpec> fields(StepCode code) {
    return List.of();
  }

  /** The step as an activation that generated code passes to kernels; empty when it is not an activation. */
  default Optional<CodeBlock> activation(NetworkLayer layer) {
    return Optional.empty();
  }

  /** Whether the step is a product that can apply the member's activation to each row as it writes it. */
  default boolean appliesActivation() {
    return false;
  }

  /** Whether the step's backward pass is only ReLU's mask, which the input gradient above can apply. */
  default boolean isReluMask() {
    return false;
  }

  /** Whether the step writes the gradient of its member's input (a product does; an activation works in place). */
  default boolean writesInputGradient() {
    return false;
  }

  /** Whether the step's input gradient can apply the ReLU mask of the member below as it stores it. */
  default boolean masksInputGradient() {
    return false;
  }

  /** The trainer's workspaces this step needs beyond its member's output and gradient. */
  default List<Workspace> workspaces(StepCode code) {
    return List.of();
  }

  /**
   * What the step computes, as the generated {@code Layer.operations()} lists it for exporters: a new
   * record of {@code dev.kiln.runtime.graph}.
   */
  CodeBlock operation(StepCode code);

  /** Inference, as the model's {@code forward} runs it: from {@code input} into {@code output}, training off. */
  void inference(StepCode code, String input, String output, CodeBlock.Builder out);

  /**
   * {@link #inference}, where the step also reads the input of an earlier member ({@link StepCode#skipFrom}),
   * whose array is {@code skipInput}; null for other steps.
   */
  default void inference(StepCode code, String input, String output, String skipInput, CodeBlock.Builder out) {
    inference(code, input, output, out);
  }

  /** The training forward pass into the member's workspaces. */
  void forward(StepCode code, CodeBlock.Builder out);

  /** The backward pass: from the gradient of the step's output to its parameters' and its input's. */
  void backward(StepCode code, CodeBlock.Builder out);

  /** Whether the step can run in the trainer's feature-major layout, [features x rows]. */
  default boolean featureMajor(StepCode code) {
    return false;
  }

  default void forwardFeatureMajor(StepCode code, CodeBlock.Builder out) {
    throw new IllegalStateException(code.step().describe() + " has no feature-major pass");
  }

  default void backwardFeatureMajor(StepCode code, CodeBlock.Builder out) {
    throw new IllegalStateException(code.step().describe() + " has no feature-major pass");
  }
}
