package dev.kiln.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.samples.blobs.BlobNetModel;
import dev.kiln.samples.fixtures.CausalTaggerModel;
import dev.kiln.samples.fixtures.CausalTokensModel;
import dev.kiln.samples.fixtures.ComposedEncoderModel;
import dev.kiln.samples.fixtures.FloatSequenceModel;
import dev.kiln.samples.fixtures.TinyAttentionModel;
import dev.kiln.samples.fixtures.TinyEncoderModel;
import dev.kiln.samples.fixtures.AbsoluteErrorModel;
import dev.kiln.samples.fixtures.AvgPooledCnnModel;
import dev.kiln.samples.fixtures.BceWeightedModel;
import dev.kiln.samples.fixtures.BceWithLogitsOnePosWeightModel;
import dev.kiln.samples.fixtures.BceWithLogitsWeightedModel;
import dev.kiln.samples.fixtures.CrossEntropyPlainModel;
import dev.kiln.samples.fixtures.CrossEntropySummedModel;
import dev.kiln.samples.fixtures.CrossEntropyWeightedIgnoringSmoothedModel;
import dev.kiln.samples.fixtures.DeclaredVectorModel;
import dev.kiln.samples.fixtures.DeepTanhMseModel;
import dev.kiln.samples.fixtures.FlattenedMapsModel;
import dev.kiln.samples.fixtures.FocalDefaultsModel;
import dev.kiln.samples.fixtures.FocalUnweightedModel;
import dev.kiln.samples.fixtures.HuberModel;
import dev.kiln.samples.fixtures.KlDivergenceLogTargetModel;
import dev.kiln.samples.fixtures.KlDivergenceModel;
import dev.kiln.samples.fixtures.LinearCeModel;
import dev.kiln.samples.fixtures.LogSoftmaxNllModel;
import dev.kiln.samples.fixtures.LogitsBceModel;
import dev.kiln.samples.fixtures.NllWeightedIgnoringModel;
import dev.kiln.samples.fixtures.ReluL1SumModel;
import dev.kiln.samples.fixtures.SigmoidBceModel;
import dev.kiln.samples.fixtures.SmallCnnModel;
import dev.kiln.samples.fixtures.SmoothL1AsL1Model;
import dev.kiln.samples.fixtures.SmoothL1Model;
import dev.kiln.samples.fixtures.SquaredErrorModel;
import dev.kiln.samples.fixtures.BlockCnnModel;
import dev.kiln.samples.fixtures.NormCnnModel;
import dev.kiln.samples.fixtures.ResidualCnnModel;
import dev.kiln.samples.fixtures.NormMlpModel;
import dev.kiln.samples.fixtures.NormPReluModel;
import dev.kiln.samples.fixtures.TrajectoryCnnModel;
import dev.kiln.samples.fixtures.WithELUModel;
import dev.kiln.samples.fixtures.WithGELUModel;
import dev.kiln.samples.fixtures.WithLeakyReLUModel;
import dev.kiln.samples.fixtures.WithPReLUModel;
import dev.kiln.samples.fixtures.WithReLUModel;
import dev.kiln.samples.fixtures.WithSiLUModel;
import dev.kiln.samples.fixtures.WithSigmoidAndTanhModel;
import dev.kiln.samples.fixtures.WithSoftmaxAndLogSoftmaxModel;
import dev.kiln.samples.fixtures.WideReluModel;
import dev.kiln.samples.fixtures.WithSoftplusModel;
import dev.kiln.runtime.testing.Batch;
import dev.kiln.runtime.testing.GradientChecker;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradients of generated trainers equal finite differences of their own losses: for every
 * activation (fused after a Linear and standing alone), every loss and option, and several depths.
 */
class GradientCheckTest {

  static Stream<Arguments> architectures() {
    return Stream.of(
        net("BlobNet: ReLU, cross-entropy", BlobNetModel::create),
        net("LinearCe: one layer, cross-entropy", LinearCeModel::create),
        net("DeepTanhMse: three layers, tanh, sigmoid, MSE", DeepTanhMseModel::create),
        net("LogSoftmaxNll: standalone log-softmax, NLL", LogSoftmaxNllModel::create),
        net("SigmoidBce: sigmoid, BCE", SigmoidBceModel::create),
        net("LogitsBce: no bias, BCE with logits", LogitsBceModel::create),
        net("ReluL1Sum: ReLU, L1 summed", ReluL1SumModel::create),
        net("WideRelu: row-major, ReLU's backward pass fused into the input gradient", WideReluModel::create),
        net("FlattenedMaps: @Input maps, PReLU per channel, Tanh, Flatten", FlattenedMapsModel::create),
        net("DeclaredVector: @Input features, dropout", DeclaredVectorModel::create),
        net("SmallCnn: convolutions with padding, stride, dilation, no bias; PReLU per channel", SmallCnnModel::create),
        net("TrajectoryCnn: convolutions, ReLU, Flatten, Linear", TrajectoryCnnModel::create),
        net("NormMlp: BatchNorm1d with and without affine and statistics, LayerNorm", NormMlpModel::create),
        net("NormCnn: BatchNorm2d after a convolution, LayerNorm over feature maps", NormCnnModel::create),
        net("NormPRelu: dropout, then BatchNorm1d with a PReLU per feature", NormPReluModel::create),
        net("BlockCnn: a block used twice, a block in a block, an activation on a block", BlockCnnModel::create),
        net("ResidualCnn: residual blocks with and without an activation, first and last, conv and MLP",
            ResidualCnnModel::create),
        net("AvgPooledCnn: average pools with padding, ceil mode, both divisors", AvgPooledCnnModel::create),
        net("TinyEncoder: tokens, positions, pre-norm GELU encoder, mean pool", TinyEncoderModel::create),
        net("TinyAttention: tokens, self-attention, max pool", TinyAttentionModel::create),
        net("CausalTokens: padded tokens, causal post-norm encoder, max pool", CausalTokensModel::create),
        net("FloatSequence: float sequence, attention without bias, encoder, mean pool", FloatSequenceModel::create),
        net("ComposedEncoder: residual attention and per-position Linear, LayerNorm blocks, max pool",
            ComposedEncoderModel::create));
  }

  static Stream<Arguments> activations() {
    return Stream.of(
        net("ReLU", WithReLUModel::create),
        net("LeakyReLU", WithLeakyReLUModel::create),
        net("PReLU, per feature and shared", WithPReLUModel::create),
        net("ELU", WithELUModel::create),
        net("GELU, exact and tanh", WithGELUModel::create),
        net("SiLU", WithSiLUModel::create),
        net("Softplus, with a low threshold", WithSoftplusModel::create),
        net("Sigmoid and Tanh", WithSigmoidAndTanhModel::create),
        net("Softmax and LogSoftmax", WithSoftmaxAndLogSoftmaxModel::create));
  }

  static Stream<Arguments> losses() {
    return Stream.of(
        net("CROSS_ENTROPY", CrossEntropyPlainModel::create),
        net("CROSS_ENTROPY weighted, ignoring, smoothed", CrossEntropyWeightedIgnoringSmoothedModel::create),
        net("CROSS_ENTROPY summed", CrossEntropySummedModel::create),
        net("NLL weighted, ignoring", NllWeightedIgnoringModel::create),
        net("BCE weighted", BceWeightedModel::create),
        net("BCE_WITH_LOGITS with posWeight and weight", BceWithLogitsWeightedModel::create),
        net("BCE_WITH_LOGITS with one posWeight, summed", BceWithLogitsOnePosWeightModel::create),
        net("MSE", SquaredErrorModel::create),
        net("L1", AbsoluteErrorModel::create),
        net("SMOOTH_L1", SmoothL1Model::create),
        net("SMOOTH_L1 at beta 0", SmoothL1AsL1Model::create),
        net("HUBER", HuberModel::create),
        net("FOCAL", FocalDefaultsModel::create),
        net("FOCAL without alpha", FocalUnweightedModel::create),
        net("KL_DIV batchmean", KlDivergenceModel::create),
        net("KL_DIV with log targets, summed", KlDivergenceLogTargetModel::create));
  }

  private static Arguments net(String name, LongFunction<KilnModel> create) {
    return Arguments.of(name, create);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"architectures", "activations", "losses"})
  void analyticGradientsMatchFiniteDifferences(String name, LongFunction<KilnModel> create) {
    KilnModel model = create.apply(7);
    Batch batch = Batch.random(model, model.trainer(Sgd.lr(0f)), 6, 11);
    assertEquals(List.of(), GradientChecker.mismatches(model, batch::step), name);
  }

  @Test
  void crossEntropyWithProbabilityTargetsMatchesFiniteDifferences() {
    KilnModel model = CrossEntropyPlainModel.create(7);
    Batch batch = Batch.floats(model, 6, 12);
    assertEquals(List.of(), GradientChecker.mismatches(model, batch::step));
  }

  @Test
  void weightedSmoothedCrossEntropyWithProbabilityTargetsMatchesFiniteDifferences() {
    KilnModel model = CrossEntropySummedModel.create(7);
    Batch batch = Batch.floats(model, 6, 13);
    assertEquals(List.of(), GradientChecker.mismatches(model, batch::step));
  }

  /**
   * A class per position, where the padding positions' targets are ignored as a language model's are: the
   * padding row of the embedding gets no gradient (PyTorch's {@code padding_idx}), so a loss that counted
   * the padding positions would change with it and its finite difference would not be 0.
   */
  @Test
  void aCausalTaggerIgnoringItsPaddingTargetsMatchesFiniteDifferences() {
    KilnModel model = CausalTaggerModel.create(7);
    Batch random = Batch.random(model, model.trainer(Sgd.lr(0f)), 6, 14);
    int[] targets = ((int[]) random.targets()).clone();
    for (int i = 0; i < targets.length; i++) if (random.tokens()[i] == 0) targets[i] = -100;
    Batch batch = new Batch(null, random.tokens(), targets);
    assertEquals(List.of(), GradientChecker.mismatches(model, batch::step));
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
