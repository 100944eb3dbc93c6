import * as tf from '@tensorflow/tfjs';
async function main() {
  await tf.setBackend('cpu');
  const time = (name: string, f: () => tf.Tensor | tf.Tensor[]) => { const d = (r: tf.Tensor | tf.Tensor[]) => (Array.isArray(r) ? r.forEach((t) => t.dispose()) : r.dispose()); for (let i = 0; i < 2; i++) d(f()); const t = performance.now(); for (let i = 0; i < 5; i++) d(f()); console.log(name, ((performance.now() - t) / 5).toFixed(2), 'ms'); };
  const a = tf.randomNormal([512, 1549]);
  time('split axis1 [512,1549] 7 parts', () => tf.split(a, [13, 256, 256, 256, 256, 256, 256], 1));
  time('transpose 2d [512,1549]', () => tf.transpose(a));
  const at = tf.transpose(a);
  time('split axis0 transposed', () => tf.split(at, [13, 256, 256, 256, 256, 256, 256], 0));
  const s = tf.randomNormal([4096, 32, 32]);
  const m = tf.randomNormal([4096, 32, 1]);
  time('tile [4096,32,1]→32', () => tf.tile(m, [1, 1, 32]));
  time('exp 4M', () => tf.exp(s));
  time('max', () => tf.max(s, -1, true));
  time('softmax', () => tf.softmax(s));
  const x = tf.randomNormal([512, 256]);
  time('moments', () => { const r = tf.moments(x, -1, true); return [r.mean, r.variance]; });
  time('mm 512x1549x256', () => tf.matMul(a, tf.randomNormal([1549, 256])));
}
void main();
