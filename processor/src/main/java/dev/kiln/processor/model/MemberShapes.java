package dev.kiln.processor.model;

import java.util.List;
import java.util.Optional;

/** What the shape walk found for one member: its shapes where known, and its kinds' steps. */
public record MemberShapes(Optional<Shape> input, Optional<Shape> output, List<Optional<Step>> steps) {
  public MemberShapes {
    steps = List.copyOf(steps);
  }

  /**
   * The values the loss takes per row: per position of a sequence output (one class score each, in a
   * tagger), else the output's values per example; -1 when unknown.
   */
  public long lossWidth() {
    return output.map(s -> s instanceof Shape.Sequence sequence ? sequence.dim() : s.size()).orElse(-1L);
  }

  /** The output's number of values per example, or -1 when unknown. */
  public long outputSize() {
    return output.map(Shape::size).orElse(-1L);
  }
}
