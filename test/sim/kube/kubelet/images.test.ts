import { describe, expect, it } from 'vitest'
import { NodeImages, pullDurationMs } from '../../../../src/sim/kube/kubelet/images'

describe('NodeImages', () => {
  it('serialises pulls and counts an image as on the node once a pull of it is queued', () => {
    const images = new NodeImages(['registry.k8s.io/pause:3.10'])
    expect(images.willHave('nginx:latest')).toBe(false)
    expect(images.book(1_000, 5_000)).toBe(6_000)
    images.queue('nginx:latest')
    // The next replica's pull waits for the first and only checks the manifest.
    expect(images.willHave('nginx:latest')).toBe(true)
    expect(images.has('nginx:latest')).toBe(false)
    expect(images.book(1_000, pullDurationMs(190_000_000, true, 0.5))).toBe(6_350)
    expect(images.willHave('registry.k8s.io/pause:3.10')).toBe(true)
  })
})
