package dev.kiln.processor.model;

import dev.kiln.processor.validation.Message;
import java.util.Optional;

/**
 * {@code @Residual} on a block member: the join after the block's members, which adds the block's input
 * to its output, before the member's activation. The block's members come just before it.
 *
 * @param members how many members the block has, all of them inlined just before this join
 */
public record ResidualLayer(Origin origin, int members) implements LayerKind {

  @Override
  public Stage stage() {
    return Stage.TRANSFORM;
  }

  @Override
  public Optional<Shape> outputShape(ShapeContext context) {
    Optional<Shape> blockInput = context.inputOf(members + 1);
    if (context.input().isEmpty() || blockInput.isEmpty()) {
      return Optional.empty();
    }
    Shape output = context.input().get();
    if (!output.dims().equals(blockInput.get().dims())) {
      context.report(this, null, Message.RESIDUAL_SHAPE_MISMATCH, context.member().name(), blockInput.get().text(),
          output.text());
      return Optional.empty();
    }
    return Optional.of(output);
  }

  @Override
  public int skipsMembers() {
    return members;
  }

  @Override
  public boolean computesNewPositionsOnly() {
    return true;
  }

  @Override
  public String describe(Shape input, Shape output) {
    return "Residual(+ the block's input)";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitResidual(this);
  }
}
