/**
 * Bindings to the bpf(2) system call through the FFM API: the commands (program load and test
 * run, maps, links, BTF, object info), the kernel's enums and errnos, fds that close exactly once,
 * and capability detection.
 */
package io.kflab.bpf.sys;
