package dev.kiln.processor.model;

import java.util.List;

/**
 * The shapes of a declared network, walked once from its input to its output: validation, resolution
 * and writing all read them from here.
 */
public record Shapes(List<MemberShapes> members) {
  public Shapes {
    members = List.copyOf(members);
  }

  public MemberShapes of(int member) {
    return members.get(member);
  }

  /** The values the loss takes per row (per position of a sequence output), or -1 when unknown. */
  public long networkOutputs() {
    return members.isEmpty() ? -1 : members.get(members.size() - 1).lossWidth();
  }
}
