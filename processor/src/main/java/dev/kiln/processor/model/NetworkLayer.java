package dev.kiln.processor.model;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One member with every shape resolved: what it reads, what it gives, and its kinds in the order they act. */
public record NetworkLayer(Member member, Shape input, Shape output, List<Step> steps) {
  public NetworkLayer {
    steps = List.copyOf(steps);
  }

  /** Its name in generated code: {@code hidden}, or {@code block1Conv1} inside a block. */
  public String name() {
    return member.identifier();
  }

  /** Its name as PyTorch names the module: {@code hidden}, or {@code block1.conv1} inside a block. */
  public String path() {
    return member.name();
  }

  public String constantPrefix() {
    return member.constantPrefix();
  }

  /** The step of {@code stage}, if the member has one. */
  public Optional<Step> step(Stage stage) {
    return steps.stream().filter(s -> s.kind().stage() == stage).findFirst();
  }

  public boolean has(Stage stage) {
    return step(stage).isPresent();
  }

  /** Whether the member writes an output of its own (a product or an activation), before any dropout. */
  public boolean computes() {
    return steps.stream().anyMatch(s -> s.kind().writesOutput());
  }

  /** Every tensor of the member, in state-dict order. */
  public List<PlacedTensor> tensors() {
    return steps.stream().flatMap(s -> s.tensors().stream()).collect(Collectors.toList());
  }

  /** How the member reads in summaries: {@code Linear(2 -> 10) + ReLU + Dropout(0.5)}. */
  public String describe() {
    return String.join(" + ", steps.stream().map(Step::describe).collect(Collectors.toList()));
  }
}
