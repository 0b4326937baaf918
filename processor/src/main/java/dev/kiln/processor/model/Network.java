package dev.kiln.processor.model;

import dev.kiln.dsl.LossKind;
import dev.kiln.dsl.Reduction;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A validated network with every shape resolved: all the writers need. {@code type} is kept only as
 * the generated files' originating element.
 */
public record Network(TypeElement type, String packageName, String simpleName, List<NetworkLayer> layers,
    LossSpec lossSpec) {

  public Network {
    layers = List.copyOf(layers);
  }

  public Shape input() {
    return layers.get(0).input();
  }

  public Shape output() {
    return outputLayer().output();
  }

  /** Whether the model reads token ids, {@code int[]} batches, rather than floats. */
  public boolean readsTokens() {
    return input() instanceof Shape.Tokens;
  }

  /** Values per input row. */
  public int in() {
    return Math.toIntExact(input().size());
  }

  /** Values per output row. */
  public int out() {
    return Math.toIntExact(output().size());
  }

  /** Whether the output is a sequence [L x C]: a value, or a class, per position (a tagger, a language model). */
  public boolean outputsPositions() {
    return output() instanceof Shape.Sequence;
  }

  /** Values per position of a sequence output, else per row: what the loss and the readout take per row. */
  public int outPerPosition() {
    return output() instanceof Shape.Sequence sequence ? Math.toIntExact(sequence.dim()) : out();
  }

  public NetworkLayer outputLayer() {
    return layers.get(layers.size() - 1);
  }

  public LossKind loss() {
    return lossSpec.kind();
  }

  public Reduction reduction() {
    return lossSpec.reduction();
  }

  /** Whether the loss takes float targets: every loss but NLL, and cross-entropy with probabilities. */
  public boolean floatTargets() {
    return loss() != LossKind.NLL;
  }

  /** Whether training draws random numbers: a {@code @Dropout}, or a kind with dropout of its own. */
  public boolean drops() {
    return layers.stream().flatMap(l -> l.steps().stream()).anyMatch(s -> s.kind().drops());
  }

  public boolean has(Stage stage) {
    return layers.stream().anyMatch(l -> l.has(stage));
  }

  /** The length of the model's array for {@code slot}. */
  public long length(ArraySlot slot) {
    return layers.stream().flatMap(l -> l.tensors().stream()).filter(t -> ArraySlot.of(t.decl()) == slot)
        .mapToLong(t -> t.offset() + t.decl().size()).max().orElse(0);
  }

  public String modelName() {
    return simpleName + "Model";
  }

  public String trainerName() {
    return simpleName + "Trainer";
  }

  /** Whether the loss takes class indices ({@code int[]} targets) rather than float targets. */
  public boolean classIndexTargets() {
    return loss() == LossKind.CROSS_ENTROPY || loss() == LossKind.NLL;
  }
}
