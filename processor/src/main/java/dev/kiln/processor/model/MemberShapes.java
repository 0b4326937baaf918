package dev.kiln.processor.model;

import java.util.List;
import java.util.Optional;

/** What the shape walk found for one member: its shapes where known, and its kinds' steps. */
public record MemberShapes(Optional<Shape> input, Optional<Shape> output, List<Optional<Step>> steps) {
  public MemberShapes {
    steps = List.copyOf(steps);
  }

  /** The output's number of values per example, or -1 when unknown. */
  public long outputSize() {
    return output.map(Shape::size).orElse(-1L);
  }
}
