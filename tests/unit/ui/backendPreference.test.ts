// The page address's backend preference and the badge's sentence about what the worker uses.
import { describe, expect, it } from 'vitest';
import { backendFromSearch } from '../../../src/ui/backendPreference.ts';
import { backendText } from '../../../src/ui/components/backendText.ts';

describe('backendFromSearch', () => {
  it('reads ?backend=wasm, cpu and webgpu', () => {
    expect(backendFromSearch('?backend=wasm')).toBe('wasm');
    expect(backendFromSearch('?backend=cpu')).toBe('cpu');
    expect(backendFromSearch('?backend=webgpu')).toBe('webgpu');
  });

  it('finds it among other parameters and ignores case and spaces', () => {
    expect(backendFromSearch('?seed=3&backend=WASM&x=1')).toBe('wasm');
    expect(backendFromSearch('?backend=%20cpu%20')).toBe('cpu');
  });

  it('is undefined when absent, empty or not a backend', () => {
    expect(backendFromSearch('')).toBeUndefined();
    expect(backendFromSearch('?backend=')).toBeUndefined();
    expect(backendFromSearch('?backend=webgl')).toBeUndefined();
  });
});

describe('backendText', () => {
  it('says detecting before the worker reports', () => {
    expect(backendText(undefined)).toBe('Detecting backend…');
  });

  it('names the WebGPU adapter, and says why it fell back otherwise (no preference)', () => {
    expect(backendText({ name: 'webgpu', adapter: 'google swiftshader (software adapter)' })).toBe('WebGPU — google swiftshader (software adapter)');
    expect(backendText({ name: 'cpu', reason: 'no adapter' })).toBe('CPU fallback — WebGPU unavailable: no adapter');
    expect(backendText({ name: 'wasm', reason: 'no adapter' })).toBe('WASM fallback — WebGPU unavailable: no adapter');
  });

  it('says the page address chose a backend it got, without calling it a fall-back', () => {
    const text = backendText({ name: 'wasm', reason: 'chosen by the page address (?backend=wasm)', requested: 'wasm' });
    expect(text).toBe('WASM — chosen by the page address (?backend=wasm)');
    expect(backendText({ name: 'webgpu', adapter: 'gpu x', reason: 'chosen by the page address (?backend=webgpu)', requested: 'webgpu' })).toBe(
      'WebGPU — gpu x — chosen by the page address (?backend=webgpu)',
    );
  });

  it('calls it a fall-back, with the worker’s reason, when the requested backend was not used', () => {
    const reason = 'the page address asked for webgpu (?backend=webgpu), but no WebGPU adapter is available; wasm failed its self-test: x';
    expect(backendText({ name: 'cpu', reason, requested: 'webgpu' })).toBe(`CPU fallback — ${reason}`);
  });
});
