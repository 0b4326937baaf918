package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.samples.blobs.BlobNetModel;
import dev.kiln.samples.fixtures.DeepTanhMseModel;
import dev.kiln.samples.fixtures.LinearCeModel;
import dev.kiln.samples.fixtures.LogSoftmaxNllModel;
import dev.kiln.samples.fixtures.LogitsBceModel;
import dev.kiln.samples.fixtures.ReluL1SumModel;
import dev.kiln.samples.fixtures.SigmoidBceModel;
import dev.kiln.samples.testing.Batch;
import dev.kiln.samples.testing.GradientChecker;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The gradients of generated trainers equal finite differences of their losses, across architectures. */
class GradientCheckTest {

  static Stream<Arguments> architectures() {
    return Stream.of(
        Arguments.of("BlobNet: ReLU, cross-entropy", (LongFunction<KilnModel>) BlobNetModel::create),
        Arguments.of("LinearCe: one layer, cross-entropy", (LongFunction<KilnModel>) LinearCeModel::create),
        Arguments.of("DeepTanhMse: tanh, sigmoid, MSE", (LongFunction<KilnModel>) DeepTanhMseModel::create),
        Arguments.of("LogSoftmaxNll: standalone log-softmax, NLL", (LongFunction<KilnModel>) LogSoftmaxNllModel::create),
        Arguments.of("SigmoidBce: sigmoid, BCE", (LongFunction<KilnModel>) SigmoidBceModel::create),
        Arguments.of("LogitsBce: no bias, BCE with logits", (LongFunction<KilnModel>) LogitsBceModel::create),
        Arguments.of("ReluL1Sum: ReLU, L1 summed", (LongFunction<KilnModel>) ReluL1SumModel::create));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("architectures")
  void analyticGradientsMatchFiniteDifferences(String name, LongFunction<KilnModel> create) {
    KilnModel model = create.apply(7);
    Batch batch = Batch.random(model, model.trainer(Sgd.lr(0f)), 6, 11);
    List<String> mismatches = GradientChecker.mismatches(model, batch::step);
    assertEquals(List.of(), mismatches, name);
  }

  @Test
  void theCheckerCatchesAWrongGradient() {
    // The gradient comes from one batch's targets, the finite differences from another's: they disagree.
    KilnModel model = DeepTanhMseModel.create(3);
    Batch batch = Batch.random(model, model.trainer(Sgd.lr(0f)), 6, 1);
    Batch other = new Batch(batch.x(), Batch.random(model, model.trainer(Sgd.lr(0f)), 6, 2).targets());
    boolean[] first = {true};
    List<String> mismatches = GradientChecker.mismatches(model, trainer -> {
      Batch use = first[0] ? batch : other;
      first[0] = false;
      return use.step(trainer);
    });
    assertFalse(mismatches.isEmpty());
  }
}
