package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredNetwork;
import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Member;
import dev.kiln.processor.model.Stage;
import java.util.List;
import java.util.Optional;

/** Finds the final activation: the last one before the loss, looking back past members that only drop out. */
final class FinalActivation {
  private FinalActivation() {}

  /** The member whose activation feeds the loss, or empty when the output is a transform's without one. */
  static Optional<Member> owner(DeclaredNetwork network) {
    List<Member> members = network.members();
    for (int i = members.size() - 1; i >= 0; i--) {
      Member member = members.get(i);
      if (member.has(Stage.ACTIVATION)) {
        return Optional.of(member);
      }
      if (!member.kinds().stream().allMatch(LayerKind::keepsValues)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
